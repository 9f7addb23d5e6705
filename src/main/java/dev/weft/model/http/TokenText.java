package dev.weft.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.loom.Piece;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A token's raw bytes from what a server sent. A byte-level BPE token can end inside a UTF-8
 * character; servers then give a {@code bytes} array (OpenAI chat, llama.cpp, Ollama) or, in
 * OpenAI's legacy completions, a string like {@code bytes:\xe2\x80}. Either way the piece keeps
 * the raw bytes, so partial characters join with the next token's in the tree.
 */
public final class TokenText {
    private static final String BYTES_PREFIX = "bytes:";
    /** llama.cpp before ggml-org/llama.cpp#10783 wrote a lone high byte as {@code byte: \xNN} ({@code tokens_to_output_formatted_string}). */
    private static final String BYTE_PREFIX = "byte: ";

    private TokenText() {}

    /** The piece for {@code token}, preferring an exact {@code bytes} array when one is given. */
    public static Piece piece(String token, JsonNode bytes) {
        if (bytes != null && bytes.isArray() && !bytes.isEmpty()) {
            byte[] raw = fromArray(bytes);
            if (raw != null) {
                return Piece.ofBytes(raw);
            }
        }
        return piece(token);
    }

    /** The piece for a token string, decoding the {@code bytes:\xNN} and old llama.cpp {@code byte: \xNN} forms. */
    public static Piece piece(String token) {
        if (token.startsWith(BYTES_PREFIX)) {
            return Piece.ofBytes(decodeEscapes(token.substring(BYTES_PREFIX.length())));
        }
        if (token.length() == BYTE_PREFIX.length() + 4 && token.startsWith(BYTE_PREFIX + "\\x")) {
            byte[] one = decodeEscapes(token.substring(BYTE_PREFIX.length()));
            if (one.length == 1) {
                return Piece.ofBytes(one);
            }
        }
        return Piece.of(token);
    }

    private static byte[] fromArray(JsonNode bytes) {
        byte[] raw = new byte[bytes.size()];
        for (int i = 0; i < raw.length; i++) {
            JsonNode b = bytes.get(i);
            if (!b.canConvertToInt() || b.asInt() < 0 || b.asInt() > 255) {
                return null; // not a byte array after all: fall back to the token text
            }
            raw[i] = (byte) b.asInt();
        }
        return raw;
    }

    /** {@code \xNN} escapes become those bytes; any other text is kept as its UTF-8. */
    static byte[] decodeEscapes(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            if (i + 3 < s.length() && s.charAt(i) == '\\' && s.charAt(i + 1) == 'x'
                    && isHex(s.charAt(i + 2)) && isHex(s.charAt(i + 3))) {
                out.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 4;
            } else {
                int cp = s.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
