package dev.weft.model.gguf;

import dev.weft.model.ModelException;

/**
 * A GGUF file weft cannot use: the message names the file and what is wrong or unsupported. Names
 * read from a hostile file may hold anything: the message keeps to one printable line of bounded
 * length.
 */
public final class GgufException extends ModelException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_LENGTH = 400;

    public GgufException(String message) {
        super(printable(message));
    }

    static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_LENGTH + 8));
        for (int i = 0; i < s.length() && out.length() < MAX_LENGTH; i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069) || c == 0xfffd || Character.isSurrogate(c);
            out.append(control ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        if (out.length() >= MAX_LENGTH) {
            out.append('…');
        }
        return out.toString();
    }
}
