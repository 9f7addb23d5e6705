package dev.weft.session;

import dev.weft.loom.Utf8;
import java.util.Arrays;

/**
 * A cursor over the bytes of a JSON text that takes a narrower JSON than the format allows, as weft
 * writes it: no escapes where a known word is expected, non-negative integers of at most 9 digits
 * without leading zeros, canonical base64 (RFC 4648 with padding, no bits past the last byte).
 * Anything else, and anything malformed, {@link Declined declines}: the caller reads the file with
 * the full parser instead, which says what is wrong in its words. For {@link OutlineNodes}.
 */
final class JsonBytes {
    /** These bytes are not taken here: the file must be read by the full parser. */
    static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Declined INSTANCE = new Declined();

        private Declined() {
            super(null, null, false, false);
        }
    }

    /** A run of integers {@link #ints} read: how many, their sum and (when kept) the values. */
    static final class Ints {
        int[] values = new int[64];
        int size;
        long sum;
    }

    /** Longer strings are left to the full parser (it has a limit of its own). */
    private static final int LONGEST_STRING = 10_000_000;
    private static final byte[] BASE64 = new byte[128];
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    static {
        Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
    }

    private final byte[] b;
    /** The next byte to read. */
    int pos;

    JsonBytes(byte[] bytes) {
        this.b = bytes;
    }

    /** How many bytes the base64 text from {@code start} to {@code end} (checked by {@link #base64}) holds. */
    long base64Length(int start, int end) {
        int length = end - start;
        int pads = length == 0 ? 0 : (b[end - 1] == '=' ? 1 : 0) + (b[end - 2] == '=' ? 1 : 0);
        return length / 4 * 3L - pads;
    }

    /** Big-endian 32-bit word {@code i} of the base64 text starting at {@code start} (checked by {@link #base64}). */
    int base64Word(int start, int i) {
        int word = 0;
        for (int k = 4 * i; k < 4 * i + 4; k++) {
            int group = start + k / 3 * 4;
            int bits = BASE64[b[group]] << 18 | BASE64[b[group + 1]] << 12 | sextet(group + 2) << 6 | sextet(group + 3);
            word = word << 8 | (bits >>> (8 * (2 - k % 3))) & 0xff;
        }
        return word;
    }

    private int sextet(int at) {
        return b[at] == '=' ? 0 : BASE64[b[at]];
    }

    /**
     * Checks a base64 string (RFC 4648 with padding, as the writer writes it: no line breaks, no
     * bits set past the last byte) and returns the offset of its closing quote; the input stands on
     * the opening one.
     */
    int base64() {
        expect('"');
        int start = pos;
        int end = start;
        byte[] b = this.b;
        int c;
        while ((c = b[end]) != '"') { // past the end of the file: an index out of bounds
            if (c < 0 || BASE64[c] < 0 && c != '=') {
                throw Declined.INSTANCE;
            }
            end++;
        }
        int length = end - start;
        if (length % 4 != 0 || length > LONGEST_STRING) {
            throw Declined.INSTANCE;
        }
        int pads = 0;
        for (int i = start; i < end; i++) {
            if (b[i] == '=') {
                pads = end - i;
                if (pads > 2 || pads == 2 && b[end - 1] != '=') {
                    throw Declined.INSTANCE;
                }
                break;
            }
        }
        if (pads > 0) {
            int last = BASE64[b[end - pads - 1]];
            if ((pads == 1 ? last & 0x3 : last & 0xf) != 0) {
                throw Declined.INSTANCE; // bits past the last byte
            }
        }
        pos = end + 1;
        return end;
    }

    /** Which of {@code words} the string here is, exactly (no escapes); the input stands on its quote. */
    int oneOf(byte[][] words) {
        expect('"');
        int start = pos;
        int end = start;
        while (end < b.length && b[end] != '"') {
            end++;
        }
        for (int w = 0; w < words.length; w++) {
            if (Arrays.equals(b, start, end, words[w], 0, words[w].length)) {
                pos = end + 1;
                return w;
            }
        }
        throw Declined.INSTANCE;
    }

    /** A JSON string's text, as the parser would give it; the input stands on its quote. */
    String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        int start = pos;
        while (true) {
            if (pos >= b.length || pos - start > LONGEST_STRING) {
                throw Declined.INSTANCE;
            }
            int c = b[pos] & 0xff;
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw Declined.INSTANCE;
            }
            if (c == '\\') {
                escape(out);
            } else if (c < 0x80) {
                out.append((char) c);
                pos++;
            } else {
                int length = Utf8.sequenceLength((byte) c);
                if (length == 1 || pos + length > b.length) {
                    throw Declined.INSTANCE;
                }
                Utf8.Decoded one = Utf8.decode(b, pos, pos + length);
                if (!one.valid()) {
                    throw Declined.INSTANCE;
                }
                out.append(one.text());
                pos += length;
            }
        }
    }

    private void escape(StringBuilder out) {
        if (pos + 1 >= b.length) {
            throw Declined.INSTANCE;
        }
        int c = b[pos + 1];
        pos += 2;
        switch (c) {
            case '"', '\\', '/' -> out.append((char) c);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                if (pos + 4 > b.length) {
                    throw Declined.INSTANCE;
                }
                int value = 0;
                for (int k = 0; k < 4; k++) {
                    int digit = Character.digit(b[pos + k], 16);
                    if (digit < 0 || b[pos + k] < 0) {
                        throw Declined.INSTANCE;
                    }
                    value = value << 4 | digit;
                }
                out.append((char) value);
                pos += 4;
            }
            default -> throw Declined.INSTANCE;
        }
    }

    /**
     * An array of integers as {@link #number} reads them, each below {@code limit}; the input stands
     * on (or before) its {@code [}. Returns how many; {@code into} gets the count, their sum and,
     * when {@code keep}, the values. One loop: the big session has 6,000,000 of them. Past the end of
     * the file it fails with an index out of bounds.
     */
    int ints(int limit, Ints into, boolean keep) {
        expect('[');
        byte[] b = this.b;
        int p = pos;
        int n = 0;
        long total = 0;
        int c = b[p];
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            c = b[++p];
        }
        if (c == ']') {
            pos = p + 1;
            into.size = 0;
            into.sum = 0;
            return 0;
        }
        while (true) {
            int start = p;
            int value = c - '0';
            if (value < 0 || value > 9) {
                throw Declined.INSTANCE;
            }
            c = b[++p];
            while (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                c = b[++p];
            }
            int digits = p - start;
            if (digits > 9 || digits > 1 && b[start] == '0' || value >= limit) {
                throw Declined.INSTANCE; // not a small integer as the writer writes it, or out of range
            }
            if (keep) {
                if (n == into.values.length) {
                    into.values = Arrays.copyOf(into.values, n * 2);
                }
                into.values[n] = value;
            }
            n++;
            total += value;
            while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                c = b[++p];
            }
            if (c == ']') {
                pos = p + 1;
                into.size = n;
                into.sum = total;
                return n;
            }
            if (c != ',') {
                throw Declined.INSTANCE;
            }
            c = b[++p];
            while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                c = b[++p];
            }
        }
    }

    /** A non-negative integer of at most 9 digits without leading zeros; the input stands on its first digit. */
    int number() {
        int start = pos;
        int value = 0;
        while (pos < b.length) {
            int d = b[pos] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            value = value * 10 + d;
            pos++;
        }
        int digits = pos - start;
        if (digits == 0 || digits > 9 || digits > 1 && b[start] == '0') {
            throw Declined.INSTANCE;
        }
        if (pos < b.length && (b[pos] == '.' || b[pos] == 'e' || b[pos] == 'E')) {
            throw Declined.INSTANCE; // not an integer
        }
        return value;
    }

    /** After an array element: true at a comma (the next element follows), false at the array's end. */
    boolean nextElement() {
        int c = skipSpace();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c == ']') {
            return false;
        }
        throw Declined.INSTANCE;
    }

    boolean isNull() {
        if (literal(NULL)) {
            return true;
        }
        return false;
    }

    boolean bool() {
        if (literal(TRUE)) {
            return true;
        }
        if (literal(FALSE)) {
            return false;
        }
        throw Declined.INSTANCE;
    }

    /** Consumes {@code word} when it stands here, followed by no letter or digit. */
    private boolean literal(byte[] word) {
        int end = pos + word.length;
        if (end > b.length || !Arrays.equals(b, pos, end, word, 0, word.length)) {
            return false;
        }
        if (end < b.length && Character.isLetterOrDigit(b[end])) {
            throw Declined.INSTANCE;
        }
        pos = end;
        return true;
    }

    void expect(char c) {
        if (skipSpace() != c) {
            throw Declined.INSTANCE;
        }
        pos++;
    }

    /** Skips JSON whitespace; the byte now under the input, or -1 at the end. */
    int skipSpace() {
        while (pos < b.length) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
            pos++;
        }
        return -1;
    }

    static byte[][] names(String... names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return out;
    }
}
