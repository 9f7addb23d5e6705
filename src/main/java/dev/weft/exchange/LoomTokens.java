package dev.weft.exchange;

import dev.weft.loom.Alternative;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The per-token data of socketteer/loom files, in its two layouts (both from loom's source):
 * <ul>
 *   <li>{@code model_responses[id].completions[i].tokens}: a list of
 *       {@code {"generatedToken": {"token", "logprob"}, "position", "counterfactuals": {token: logprob}}}
 *       ({@code gpt.py}, format_openAI_token_dict and format_ai21_token_data);</li>
 *   <li>older files keep OpenAI's choice in the node: {@code meta.generation.logprobs} with parallel
 *       arrays {@code tokens}, {@code token_logprobs} and {@code top_logprobs} (a list of
 *       {token: logprob} objects) ({@code model.py} before model_responses).</li>
 * </ul>
 * A token that is raw bytes is written as OpenAI does, {@code bytes:\xe2\x80}.
 */
final class LoomTokens {
    private LoomTokens() {}

    /** Tokens of a {@code completions[i].tokens} list. */
    static TokenRun ofTokenList(ForeignJson list) throws ImportException {
        List<Token> tokens = new ArrayList<>();
        for (ForeignJson entry : list.elements()) {
            ForeignJson generated = entry.field("generatedToken");
            Piece piece = piece(generated.field("token"));
            double logprob = generated.has("logprob") ? generated.field("logprob").number() : Double.NaN;
            List<Alternative> alternatives = entry.has("counterfactuals") ? alternatives(entry.field("counterfactuals"))
                    : List.of();
            tokens.add(new Token(piece, logprob, alternatives));
        }
        return TokenRun.of(tokens);
    }

    /** Tokens of an OpenAI {@code logprobs} object with parallel arrays. */
    static TokenRun ofLogprobs(ForeignJson logprobs) throws ImportException {
        List<ForeignJson> texts = logprobs.field("tokens").elements();
        List<ForeignJson> values = logprobs.field("token_logprobs").elements();
        if (values.size() != texts.size()) {
            throw logprobs.field("token_logprobs").error("has " + values.size() + " entries for " + texts.size()
                    + " tokens");
        }
        List<ForeignJson> tops = logprobs.has("top_logprobs") ? logprobs.field("top_logprobs").elements() : List.of();
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ForeignJson top = i < tops.size() ? tops.get(i) : null;
            tokens.add(new Token(piece(texts.get(i)), values.get(i).numberOrNaN(),
                    top == null || top.isNull() ? List.of() : alternatives(top)));
        }
        return TokenRun.of(tokens);
    }

    private static List<Alternative> alternatives(ForeignJson counterfactuals) throws ImportException {
        List<Alternative> out = new ArrayList<>();
        for (Map.Entry<String, ForeignJson> e : counterfactuals.members().entrySet()) {
            double logprob = e.getValue().numberOrNaN();
            if (!Double.isNaN(logprob)) {
                out.add(new Alternative(piece(e.getKey()), logprob));
            }
        }
        return out;
    }

    private static Piece piece(ForeignJson token) throws ImportException {
        return piece(token.string());
    }

    /** A token's text, or its bytes when written {@code bytes:\xNN…}; anything else after the prefix is text. */
    static Piece piece(String text) {
        if (!text.startsWith(LoomJsonExport.BYTES_PREFIX)) {
            return Piece.of(text);
        }
        String escaped = text.substring(LoomJsonExport.BYTES_PREFIX.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < escaped.length(); i += 4) {
            if (i + 4 > escaped.length() || escaped.charAt(i) != '\\' || escaped.charAt(i + 1) != 'x') {
                return Piece.of(text);
            }
            try {
                bytes.write(Integer.parseInt(escaped.substring(i + 2, i + 4), 16));
            } catch (NumberFormatException e) {
                return Piece.of(text);
            }
        }
        return Piece.ofBytes(bytes.toByteArray());
    }
}
