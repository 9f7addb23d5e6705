package dev.weft.loom;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of one token as raw bytes, interned so that a million tokens share a few
 * thousand distinct pieces. Byte-level BPE tokens can end inside a UTF-8 character;
 * such a piece is {@link #isComplete() incomplete} and its {@link #text()} shows the
 * dangling bytes as {@code \xNN} escapes. Running text is always decoded from the
 * concatenated bytes, so partial characters join across tokens.
 */
public final class Piece {
    /** Longer pieces (user edits) are not interned: they are rarely repeated. */
    private static final int INTERN_LIMIT = 64;
    /** Before EMPTY, the first piece made. */
    private static final java.util.concurrent.atomic.AtomicInteger SERIALS = new java.util.concurrent.atomic.AtomicInteger();
    private static final ConcurrentHashMap<Key, Piece> POOL = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Piece> BY_TEXT = new ConcurrentHashMap<>();

    public static final Piece EMPTY = ofBytes(new byte[0]);

    private final byte[] bytes;
    private final String text;
    private final boolean complete;
    private final int serial = SERIALS.getAndIncrement();

    private Piece(byte[] bytes) {
        this.bytes = bytes;
        Utf8.Decoded decoded = Utf8.decode(bytes);
        this.complete = decoded.valid();
        this.text = decoded.valid() ? decoded.text() : Utf8.escapeInvalid(bytes);
    }

    public static Piece of(String text) {
        // loading a session looks up millions of pieces by text: skip the UTF-8 encoding when we can
        Piece known = BY_TEXT.get(text);
        if (known != null) {
            return known;
        }
        Piece piece = ofBytes(text.getBytes(StandardCharsets.UTF_8));
        if (piece.bytes.length <= INTERN_LIMIT && piece.complete) {
            BY_TEXT.putIfAbsent(text, piece);
        }
        return piece;
    }

    public static Piece ofBytes(byte[] bytes) {
        if (bytes.length > INTERN_LIMIT) {
            return new Piece(bytes.clone());
        }
        Key key = new Key(bytes);
        Piece existing = POOL.get(key);
        if (existing != null) {
            return existing;
        }
        byte[] copy = bytes.clone();
        return POOL.computeIfAbsent(new Key(copy), k -> new Piece(copy));
    }

    /**
     * This piece's number, unique in the process and dense (0, 1, 2... as pieces are made; interned
     * ones are made once): a writer indexes a tree's pieces by it in an array instead of hashing a
     * million tokens.
     */
    public int serial() {
        return serial;
    }

    /** One more than the largest {@link #serial()} so far. */
    public static int serials() {
        return SERIALS.get();
    }

    /** The display text: decoded UTF-8, or with {@code \xNN} escapes for a partial sequence. */
    public String text() {
        return text;
    }

    /** True when the bytes are valid UTF-8 on their own. */
    public boolean isComplete() {
        return complete;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int byteLength() {
        return bytes.length;
    }

    /** Appends the raw bytes to {@code out} at {@code offset}; returns the new offset. */
    int copyBytes(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, bytes.length);
        return offset + bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Piece p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text;
    }

    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
