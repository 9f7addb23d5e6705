package dev.weft.model.http.openai;

import dev.weft.loom.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the continuation's tokens out of an echoed prompt + continuation. Token {@code i} spans
 * from its {@code text_offset} to the next token's; offsets count code points, as the servers'
 * Python does. A token that straddles the prompt's end is kept: it carries continuation text,
 * and its logprob cannot be split.
 */
final class EchoedContinuation {
    private EchoedContinuation() {}

    /**
     * @param offsets     each token's start in the echoed text, or null to count from the tokens' own text
     * @param promptChars the prompt's length in code points
     * @param contChars   the continuation's length in code points
     */
    static List<Token> select(List<Token> tokens, int[] offsets, int promptChars, int contChars) {
        int[] starts = offsets != null ? offsets : counted(tokens);
        int end = promptChars + contChars;
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            int from = starts[i];
            int to = i + 1 < tokens.size() ? starts[i + 1] : from + codePoints(tokens.get(i));
            boolean overlaps = from < end && (to > promptChars || (to == from && from >= promptChars));
            if (overlaps) {
                out.add(tokens.get(i));
            }
        }
        return out;
    }

    private static int[] counted(List<Token> tokens) {
        int[] starts = new int[tokens.size()];
        int at = 0;
        for (int i = 0; i < tokens.size(); i++) {
            starts[i] = at;
            at += codePoints(tokens.get(i));
        }
        return starts;
    }

    private static int codePoints(Token t) {
        String text = t.text();
        return text.codePointCount(0, text.length());
    }
}
