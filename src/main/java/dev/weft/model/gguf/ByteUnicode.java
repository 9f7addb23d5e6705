package dev.weft.model.gguf;

import java.io.ByteArrayOutputStream;

/**
 * GPT-2's reversible map between bytes and printable characters, in which byte-level BPE
 * vocabularies (GGUF {@code gpt2}) write their tokens: printable Latin-1 bytes stand for
 * themselves, the other 68 bytes for U+0100 onwards, in byte order.
 */
final class ByteUnicode {
    private static final char[] CHAR_OF_BYTE = new char[256];
    private static final int[] BYTE_OF_CHAR = new int[512];

    static {
        java.util.Arrays.fill(BYTE_OF_CHAR, -1);
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            char c = printable ? (char) b : (char) next++;
            CHAR_OF_BYTE[b] = c;
            BYTE_OF_CHAR[c] = b;
        }
    }

    private ByteUnicode() {}

    static char charOf(int b) {
        return CHAR_OF_BYTE[b & 0xff];
    }

    static String encode(byte[] bytes) {
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = CHAR_OF_BYTE[bytes[i] & 0xff];
        }
        return new String(out);
    }

    /** The bytes a token's text stands for, or null when it holds a character outside the map. */
    static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int b = c < BYTE_OF_CHAR.length ? BYTE_OF_CHAR[c] : -1;
            if (b < 0) {
                return null;
            }
            out.write(b);
        }
        return out.toByteArray();
    }
}
