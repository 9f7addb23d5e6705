package dev.weft.session;

import com.fasterxml.jackson.core.JsonToken;
import dev.weft.loom.Piece;
import java.util.Arrays;

/**
 * The {@code "pieces"} table of a version-2 file (weft-session(5)), as nodes look it up by index.
 * Read whole, every entry is checked and built at once. Read for a first screen, or for a command
 * that shows no alternatives ({@link #readLazily}), an entry is only kept as written (its text, or its
 * bytes unchecked) and built, and checked, when a node read refers to it: the table holds every
 * distinct token text of the tree and its alternatives (50,000 for a 100,000-node session), the
 * view's path a few dozen, and building a piece interns it.
 */
final class PieceTable {
    /** Per entry: the {@link Piece}, or not built yet: its text (a String) or its bytes as written ({@link Raw}). */
    private final Object[] entries;

    private PieceTable(Object[] entries) {
        this.entries = entries;
    }

    /** Bytes of a piece as written, not yet checked, and where they stood (for the error). */
    private record Raw(int index, long[] values, JsonInput.Mark at) {}

    /** Reads the table, building and checking every entry; the input stands on the array's start. */
    static PieceTable read(JsonInput in, String what) throws SessionException {
        return read(in, what, false);
    }

    /** Reads the table, keeping each entry as written until {@link #get} builds it. */
    static PieceTable readLazily(JsonInput in, String what) throws SessionException {
        return read(in, what, true);
    }

    private static PieceTable read(JsonInput in, String what, boolean lazily) throws SessionException {
        Object[][] box = {new Object[1024]};
        int[] size = {0};
        in.array(what, i -> {
            Object entry;
            if (in.token() == JsonToken.START_ARRAY) {
                JsonInput.Mark at = in.mark();
                long[][] values = {new long[8]};
                int[] n = {0};
                in.array("the bytes of piece " + i, k -> {
                    if (n[0] == values[0].length) {
                        values[0] = Arrays.copyOf(values[0], n[0] * 2);
                    }
                    // read whole, a byte that is no integer fails here; kept, it is out of range when built
                    long b = lazily && in.token() != JsonToken.VALUE_NUMBER_INT ? Long.MIN_VALUE
                            : in.intValue("a byte of piece " + i);
                    if (!lazily && (b < 0 || b > 255)) {
                        throw in.expected("a byte of piece " + i, "an integer from 0 to 255");
                    }
                    values[0][n[0]++] = b;
                });
                Raw raw = new Raw(i, Arrays.copyOf(values[0], n[0]), at);
                entry = lazily ? raw : build(in, raw);
            } else {
                String text = in.string("piece " + i);
                entry = lazily ? text : Piece.of(text);
            }
            if (size[0] == box[0].length) {
                box[0] = Arrays.copyOf(box[0], size[0] * 2);
            }
            box[0][size[0]++] = entry;
        });
        return new PieceTable(Arrays.copyOf(box[0], size[0]));
    }

    int size() {
        return entries.length;
    }

    /** Entry {@code index} (0 to {@link #size()} - 1), built on first use; a bad entry fails here. */
    Piece get(JsonInput in, int index) throws SessionException {
        Object entry = entries[index];
        if (entry instanceof Piece piece) {
            return piece;
        }
        Piece piece = entry instanceof String text ? Piece.of(text) : build(in, (Raw) entry);
        entries[index] = piece;
        return piece;
    }

    /** Checks the entries not built yet as building them would (a text is always a piece), without building them. */
    void checkUnbuilt(JsonInput in) throws SessionException {
        for (Object entry : entries) {
            if (entry instanceof Raw raw) {
                bytes(in, raw);
            }
        }
    }

    /**
     * Entry {@code index}'s bytes, without building (or interning) a piece: for a reader that only
     * shows text. An entry of bytes must have been checked ({@link #checkUnbuilt}).
     */
    byte[] bytesOf(int index) {
        Object entry = entries[index];
        if (entry instanceof Piece piece) {
            return piece.bytes();
        }
        if (entry instanceof String text) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8); // as Piece.of makes them
        }
        long[] values = ((Raw) entry).values();
        byte[] bytes = new byte[values.length];
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = (byte) values[k];
        }
        return bytes;
    }

    private static Piece build(JsonInput in, Raw raw) throws SessionException {
        return Piece.ofBytes(bytes(in, raw));
    }

    private static byte[] bytes(JsonInput in, Raw raw) throws SessionException {
        byte[] bytes = new byte[raw.values().length];
        for (int k = 0; k < bytes.length; k++) {
            long b = raw.values()[k];
            if (b < 0 || b > 255) {
                throw in.error(raw.at(), "expected a byte of piece " + raw.index() + " to be an integer from 0 to 255");
            }
            bytes[k] = (byte) b;
        }
        return bytes;
    }
}
