package dev.weft.model.http.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.loom.Alternative;
import dev.weft.loom.Token;
import dev.weft.model.http.Json;
import dev.weft.model.http.LayoutException;
import dev.weft.model.http.Logprobs;
import dev.weft.model.http.TokenText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The legacy completions {@code logprobs} object: parallel arrays {@code tokens},
 * {@code token_logprobs} (null for an echoed first token), {@code top_logprobs} (one
 * {@code {token: logprob}} object per position, or null). {@code text_offset} is not read: tokens are
 * placed by their text ({@link dev.weft.model.http.TextAlignment}), since vLLM counts a BOS token the text lacks.
 */
final class LegacyLogprobs {
    private LegacyLogprobs() {}

    static List<Token> tokens(JsonNode logprobs, String where) throws LayoutException {
        JsonNode tokens = logprobs.path("tokens");
        if (!tokens.isArray()) {
            throw new LayoutException(where + ".tokens is not an array");
        }
        JsonNode scores = logprobs.path("token_logprobs");
        if (!scores.isArray() || scores.size() != tokens.size()) {
            throw new LayoutException(where + ".token_logprobs does not match tokens (" + tokens.size() + " tokens)");
        }
        JsonNode tops = logprobs.path("top_logprobs");
        List<Token> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            JsonNode token = tokens.get(i);
            if (!token.isTextual()) {
                throw new LayoutException(where + ".tokens[" + i + "] is not a string");
            }
            out.add(new Token(TokenText.piece(token.asText()), Logprobs.clean(Json.number(scores.get(i))),
                    alternatives(tops.path(i), where + ".top_logprobs[" + i + "]")));
        }
        return out;
    }

    private static List<Alternative> alternatives(JsonNode top, String where) throws LayoutException {
        if (top.isMissingNode() || top.isNull()) {
            return List.of();
        }
        if (!top.isObject()) {
            throw new LayoutException(where + " is not an object of token → logprob");
        }
        List<Alternative> out = new ArrayList<>(top.size());
        for (Map.Entry<String, JsonNode> e : top.properties()) {
            double lp = Logprobs.clean(Json.number(e.getValue()));
            if (!Double.isNaN(lp)) {
                out.add(new Alternative(TokenText.piece(e.getKey()), lp));
            }
        }
        return out;
    }
}
