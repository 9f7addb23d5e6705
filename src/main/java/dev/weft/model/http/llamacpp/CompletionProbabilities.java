package dev.weft.model.http.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.loom.Alternative;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.model.http.Json;
import dev.weft.model.http.LayoutException;
import dev.weft.model.http.Logprobs;
import dev.weft.model.http.TokenEntries;
import dev.weft.model.http.TokenText;
import java.util.ArrayList;
import java.util.List;

/**
 * llama.cpp's {@code completion_probabilities}, in either layout, told apart by its fields:
 * <ul>
 *   <li>current: {@code {"id", "token", "bytes", "logprob", "top_logprobs": [...]}}, or with
 *       {@code post_sampling_probs} {@code "prob"} and {@code "top_probs"};</li>
 *   <li>older servers: {@code {"content": "<token>", "probs": [{"tok_str", "prob"}]}}, where the
 *       chosen token's probability is its entry in {@code probs}, if it is there.</li>
 * </ul>
 */
final class CompletionProbabilities {
    private CompletionProbabilities() {}

    static List<Token> parse(JsonNode entries) throws LayoutException {
        if (!entries.isArray()) {
            throw new LayoutException("completion_probabilities is not an array");
        }
        List<Token> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String where = "completion_probabilities[" + i + "]";
            out.add(entry.has("probs") && !entry.has("token") ? older(entry, where) : TokenEntries.token(entry, where));
        }
        return out;
    }

    private static Token older(JsonNode entry, String where) throws LayoutException {
        JsonNode content = entry.path("content");
        if (!content.isTextual()) {
            throw new LayoutException(where + ".content is not a string");
        }
        Piece piece = TokenText.piece(content.asText());
        JsonNode probs = entry.path("probs");
        if (!probs.isArray()) {
            throw new LayoutException(where + ".probs is not an array");
        }
        double chosen = Double.NaN;
        List<Alternative> alternatives = new ArrayList<>(probs.size());
        for (JsonNode p : probs) {
            JsonNode tok = p.path("tok_str");
            if (!tok.isTextual()) {
                throw new LayoutException(where + ".probs has an entry without tok_str");
            }
            double lp = Logprobs.fromProbability(Json.number(p.get("prob")));
            if (Double.isNaN(lp)) {
                continue;
            }
            Alternative alt = new Alternative(TokenText.piece(tok.asText()), lp);
            alternatives.add(alt);
            if (alt.piece().equals(piece) && Double.isNaN(chosen)) {
                chosen = lp;
            }
        }
        return new Token(piece, chosen, alternatives);
    }
}
