package dev.weft.model.http.openai;

import dev.weft.loom.Token;
import dev.weft.model.http.LayoutException;
import dev.weft.model.http.TextAlignment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the continuation's tokens out of an echoed prompt + continuation. The echoed {@code text}
 * is the truth: the tokens are first attached to it by their bytes ({@link TextAlignment}), so a
 * BOS token that vLLM lists (and counts in {@code text_offset}) but that the text does not
 * contain covers nothing and shifts nothing. {@code text_offset} is never read. A token that
 * straddles the prompt's end is kept: it carries continuation text, and its logprob cannot be split.
 */
final class EchoedContinuation {
    private EchoedContinuation() {}

    /**
     * @param echoed the choice's {@code text}: the prompt and continuation as sent, then whatever was generated
     * @param sent   the prompt and continuation as sent
     * @param from   where the continuation starts in {@code sent}, in chars
     */
    static List<Token> select(List<Token> tokens, String echoed, String sent, int from) throws LayoutException {
        if (!echoed.startsWith(sent)) {
            throw new LayoutException("the echoed text is not the text sent (" + quoted(echoed) + ")");
        }
        int start = sent.substring(0, from).getBytes(StandardCharsets.UTF_8).length;
        int end = sent.getBytes(StandardCharsets.UTF_8).length;
        List<Token> out = new ArrayList<>();
        int at = 0;
        for (Token t : TextAlignment.align(echoed, tokens)) {
            int to = at + t.piece().byteLength();
            if (at < end && to > start) {
                out.add(t);
            }
            at = to;
        }
        return out;
    }

    private static String quoted(String s) {
        return '"' + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + '"';
    }

}
