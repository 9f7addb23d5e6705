package dev.weft.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.loom.Alternative;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-token object layout shared by OpenAI chat ({@code logprobs.content[]}), Ollama
 * ({@code logprobs[]}) and llama.cpp's current {@code completion_probabilities[]}:
 * {@code {"token", "bytes", "logprob", "top_logprobs": [{"token", "bytes", "logprob"}]}}. llama.cpp
 * with {@code post_sampling_probs} writes {@code prob} and {@code top_probs} instead.
 */
public final class TokenEntries {
    private TokenEntries() {}

    public static List<Token> parse(JsonNode entries, String where) throws LayoutException {
        if (entries == null || entries.isNull() || entries.isMissingNode()) {
            return List.of();
        }
        if (!entries.isArray()) {
            throw new LayoutException(where + " is not an array");
        }
        List<Token> tokens = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            tokens.add(token(entries.get(i), where + "[" + i + "]"));
        }
        return tokens;
    }

    public static Token token(JsonNode entry, String where) throws LayoutException {
        Piece piece = piece(entry, where);
        JsonNode top = entry.has("top_probs") ? entry.get("top_probs") : entry.path("top_logprobs");
        JsonNode id = entry.path("id");
        List<Alternative> alternatives = new ArrayList<>();
        if (top.isArray()) {
            for (int i = 0; i < top.size(); i++) {
                JsonNode alt = top.get(i);
                double lp = logprob(alt);
                if (!Double.isNaN(lp)) { // a sentinel means "not really an alternative"
                    // llama.cpp gives the token that completes a character the whole character's text
                    // but its alternatives only their own bytes: the same id is the same token
                    boolean same = id.canConvertToLong() && alt.path("id").canConvertToLong()
                            && id.asLong() == alt.path("id").asLong();
                    alternatives.add(new Alternative(same ? piece : piece(alt, where + ".top_logprobs[" + i + "]"), lp));
                }
            }
        } else if (!top.isMissingNode() && !top.isNull()) {
            throw new LayoutException(where + ".top_logprobs is not an array");
        }
        return new Token(piece, logprob(entry), alternatives);
    }

    private static Piece piece(JsonNode entry, String where) throws LayoutException {
        JsonNode token = entry.path("token");
        if (!token.isTextual()) {
            JsonNode bytes = entry.path("bytes");
            if (bytes.isArray()) {
                return TokenText.piece("", bytes);
            }
            throw new LayoutException(where + " has no token text");
        }
        return TokenText.piece(token.asText(), entry.get("bytes"));
    }

    private static double logprob(JsonNode entry) {
        if (entry.has("logprob")) {
            return Logprobs.clean(Json.number(entry.get("logprob")));
        }
        return Logprobs.fromProbability(Json.number(entry.get("prob")));
    }
}
