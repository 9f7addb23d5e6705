package dev.weft.loom;

/**
 * A small UTF-8 decoder that also reports, for every byte offset, how many UTF-16 chars
 * of decoded text lie before it. Token boundaries are byte offsets; cursor and edit
 * positions are char offsets; this maps between them. Invalid or truncated sequences
 * decode to U+FFFD, one per offending byte, like a lenient terminal would show them.
 */
public final class Utf8 {
    public static final char REPLACEMENT = '\uFFFD';

    private Utf8() {}

    /**
     * Decoded text; {@code charAt[b]} is the char offset where the character containing byte b
     * starts (length bytes+1, last entry = text length); {@code valid} is false when any
     * replacement was made.
     */
    public record Decoded(String text, int[] charAt, boolean valid) {}

    public static Decoded decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    public static Decoded decode(byte[] bytes, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int[] charAt = new int[to - from + 1];
        boolean valid = true;
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xff;
            int need;
            int cp;
            if (b < 0x80) {
                need = 0;
                cp = b;
            } else if (b >= 0xc2 && b < 0xe0) {
                need = 1;
                cp = b & 0x1f;
            } else if (b >= 0xe0 && b < 0xf0) {
                need = 2;
                cp = b & 0x0f;
            } else if (b >= 0xf0 && b < 0xf5) {
                need = 3;
                cp = b & 0x07;
            } else {
                need = -1;
                cp = 0;
            }
            int len = 1;
            boolean ok = need >= 0 && i + need < to;
            if (ok) {
                for (int k = 1; k <= need; k++) {
                    int c = bytes[i + k] & 0xff;
                    if ((c & 0xc0) != 0x80) {
                        ok = false;
                        break;
                    }
                    cp = (cp << 6) | (c & 0x3f);
                }
            }
            if (ok && need > 0) {
                // reject overlong forms, surrogates and values past U+10FFFF
                int min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
                ok = cp >= min && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
            }
            int start = out.length();
            if (ok) {
                len = need + 1;
                out.appendCodePoint(cp);
            } else {
                valid = false;
                out.append(REPLACEMENT);
            }
            for (int k = 0; k < len; k++) {
                charAt[i - from + k] = start;
            }
            i += len;
        }
        charAt[to - from] = out.length();
        return new Decoded(out.toString(), charAt, valid);
    }

    /** Valid runs decoded, each invalid byte written as {@code \xNN}. */
    public static String escapeInvalid(byte[] bytes) {
        Decoded d = decode(bytes);
        StringBuilder out = new StringBuilder();
        int b = 0;
        while (b < bytes.length) {
            int next = b + 1;
            while (next < bytes.length && d.charAt()[next] == d.charAt()[b]) {
                next++;
            }
            boolean invalidByte = next - b == 1 && (bytes[b] & 0x80) != 0;
            if (invalidByte) {
                out.append(String.format("\\x%02x", bytes[b] & 0xff));
            } else {
                out.append(d.text(), d.charAt()[b], d.charAt()[next]);
            }
            b = next;
        }
        return out.toString();
    }

    /**
     * How many bytes at the end of {@code bytes[0, length)} form the start of a character that is
     * not finished yet (a lead byte and fewer continuation bytes than it announces), 0 if none.
     */
    public static int incompleteTail(byte[] bytes, int length) {
        for (int back = 1; back <= Math.min(3, length); back++) {
            if ((bytes[length - back] & 0xc0) == 0x80) {
                continue; // a continuation byte: keep looking for the lead
            }
            return sequenceLength(bytes[length - back]) > back ? back : 0;
        }
        return 0;
    }

    /** The length of the sequence a lead byte announces: 1 for ASCII and for bytes that cannot lead. */
    public static int sequenceLength(byte lead) {
        int b = lead & 0xff;
        return b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 1;
    }

    /**
     * True when {@code next}, appended to {@code text[0, length)}, keeps the text
     * valid UTF-8 apart from a character still being spelled out at its end.
     */
    public static boolean continuesValidly(byte[] text, int length, byte[] next) {
        int pending = incompleteTail(text, length);
        byte[] joined = new byte[pending + next.length];
        System.arraycopy(text, length - pending, joined, 0, pending);
        System.arraycopy(next, 0, joined, pending, next.length);
        int open = incompleteTail(joined, joined.length);
        return decode(joined, 0, joined.length - open).valid();
    }
}
