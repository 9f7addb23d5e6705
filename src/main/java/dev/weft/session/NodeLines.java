package dev.weft.session;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.weft.loom.Generation;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.NodeMarks;
import dev.weft.loom.TokenRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The {@code "nodes"} array of a version-2 file, written byte by byte into one buffer handed to
 * the stream in large pieces: the same bytes Jackson's generator writes with {@link SessionLayout}
 * (one node per line, no spaces), without a call per number. A 100,000-node session is 6,000,000
 * piece indexes and 6,000,000 base64 floats, most of a save's CPU through the generator. Strings that are
 * plain printable ASCII are copied; any other (a note, a tag) goes through Jackson itself, so its
 * escapes stay exactly the file's (see {@link TerminalSafeEscapes}).
 */
final class NodeLines {
    private static final int BUFFER = 1 << 20;
    /** Room for the longest constant run written between checks: a field name, a number and punctuation. */
    private static final int SLACK = 64;
    /** The most a piece index takes in the buffer as {@link #index} writes it: one 8-byte store. */
    private static final int INDEX = 8;
    private static final byte[] BASE64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** "00", "01", ... "99": the digits of each number below 100, two bytes each. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final OutputStream out;
    /** Each piece index's digits as {@link #pack} packs them, 0 until first written. */
    private final long[] digits;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    /** A node's logprobs as big-endian float bytes, before base64; grown to the longest node. */
    private byte[] floats = new byte[4096];
    private final ByteArrayOutputStream escaped = new ByteArrayOutputStream();

    private NodeLines(OutputStream out, int pieces) {
        this.out = out;
        this.digits = new long[Math.min(pieces, 1_000_000)];
    }

    /**
     * Writes the array, from {@code [} to {@code ]}, to {@code out} (after whatever the caller flushed to it).
     *
     * @param pieces how many entries the piece table has (indexes below it are written from a table)
     * @param pieceIndex each piece's index in the file's piece table
     * @param generations each node generation's index in the file's generation table
     */
    static void write(OutputStream out, List<Node> nodes, int pieces, ToIntFunction<dev.weft.loom.Piece> pieceIndex,
                      Map<Generation, Integer> generations) throws IOException {
        NodeLines w = new NodeLines(out, pieces);
        w.ascii("[");
        boolean first = true;
        for (Node node : nodes) {
            w.ascii(first ? "\n" : ",\n");
            first = false;
            w.node(node, pieceIndex, generations);
        }
        if (!first) {
            w.ascii("\n");
        }
        w.ascii("]");
        w.flush();
    }

    private void node(Node node, ToIntFunction<dev.weft.loom.Piece> pieceIndex, Map<Generation, Integer> generations)
            throws IOException {
        ascii("{\"id\":");
        number(node.id().value());
        ascii(",\"parent\":");
        if (node.parent() == null) {
            ascii("null");
        } else {
            number(node.parent().value());
        }
        ascii(",\"origin\":");
        string(node.origin().label());
        ascii(",\"children\":[");
        boolean first = true;
        for (NodeId child : node.children()) {
            if (!first) {
                comma();
            }
            first = false;
            number(child.value());
        }
        ascii("],\"bookmarked\":");
        ascii(node.bookmarked() ? "true" : "false");
        ascii(",\"deleted\":");
        ascii(node.deleted() ? "true" : "false");
        marks(node.marks());
        ascii(",\"generation\":");
        if (node.generation() == null) {
            ascii("null");
        } else {
            number(generations.get(node.generation()));
        }
        TokenRun run = node.tokens();
        int n = run.size();
        int alternatives = run.alternativeTotal();
        ascii(",\"tokens\":[");
        for (int i = 0; i < n; ) {
            int end = i + room(n - i);
            int at = pos;
            for (; i < end; i++) {
                at = index(at, i > 0, pieceIndex.applyAsInt(run.piece(i)));
            }
            pos = at;
        }
        ascii("],\"top\":[");
        if (alternatives > 0) {
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    comma();
                }
                number(run.alternativeCount(i));
            }
        }
        ascii("],\"alternatives\":[");
        for (int k = 0; k < alternatives; ) {
            int end = k + room(alternatives - k);
            int at = pos;
            for (; k < end; k++) {
                at = index(at, k > 0, pieceIndex.applyAsInt(run.alternativePiece(k)));
            }
            pos = at;
        }
        ascii("],\"logprobs\":\"");
        logprobs(run, n, alternatives);
        ascii("\"}");
    }

    /** The set marks only, as {@link MarksCodec#writeSet} writes them. */
    private void marks(NodeMarks marks) throws IOException {
        if (!marks.tags().isEmpty()) {
            ascii(",\"tags\":[");
            boolean first = true;
            for (String tag : marks.tags()) {
                if (!first) {
                    comma();
                }
                first = false;
                string(tag);
            }
            ascii("]");
        }
        if (!marks.note().isEmpty()) {
            ascii(",\"note\":");
            string(marks.note());
        }
        if (marks.unread()) {
            ascii(",\"unread\":true");
        }
    }

    /**
     * The tokens' logprobs then the alternatives', each a big-endian 32-bit float as the tree holds it,
     * in standard base64 with padding (Jackson's default variant, no line breaks).
     */
    private void logprobs(TokenRun run, int n, int alternatives) throws IOException {
        int length = 4 * (n + alternatives);
        if (floats.length < length) {
            floats = new byte[Math.max(length, floats.length * 2)];
        }
        int at = 0;
        for (int i = 0; i < n; i++) {
            at = putFloat(at, (float) run.logprob(i));
        }
        for (int k = 0; k < alternatives; k++) {
            at = putFloat(at, (float) (double) run.alternativeLogprob(k));
        }
        base64(floats, length);
    }

    private int putFloat(int at, float value) {
        int bits = Float.floatToRawIntBits(value);
        floats[at] = (byte) (bits >>> 24);
        floats[at + 1] = (byte) (bits >>> 16);
        floats[at + 2] = (byte) (bits >>> 8);
        floats[at + 3] = (byte) bits;
        return at + 4;
    }

    private void base64(byte[] bytes, int length) throws IOException {
        int whole = length - length % 3;
        for (int i = 0; i < whole; ) {
            if (pos + 4 > buf.length) {
                flush();
            }
            // as many groups as the buffer holds, without a check each
            int end = Math.min(whole, i + (buf.length - pos) / 4 * 3);
            byte[] b = buf;
            int at = pos;
            for (; i < end; i += 3) {
                int v = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff);
                b[at] = BASE64[v >>> 18];
                b[at + 1] = BASE64[(v >>> 12) & 0x3f];
                b[at + 2] = BASE64[(v >>> 6) & 0x3f];
                b[at + 3] = BASE64[v & 0x3f];
                at += 4;
            }
            pos = at;
        }
        int left = length - whole;
        if (left > 0) {
            if (pos + 4 > buf.length) {
                flush();
            }
            byte[] b = buf;
            int v = (bytes[whole] & 0xff) << 16 | (left == 2 ? (bytes[whole + 1] & 0xff) << 8 : 0);
            b[pos] = BASE64[v >>> 18];
            b[pos + 1] = BASE64[(v >>> 12) & 0x3f];
            b[pos + 2] = left == 2 ? BASE64[(v >>> 6) & 0x3f] : (byte) '=';
            b[pos + 3] = '=';
            pos += 4;
        }
    }

    /** A JSON string: copied when plain printable ASCII, otherwise exactly as the generator escapes it. */
    private void string(String s) throws IOException {
        if (plain(s)) {
            if (s.length() + 2 > buf.length - pos) {
                flush();
            }
            if (s.length() + 2 <= buf.length) {
                buf[pos++] = '"';
                copy(s); // printable ASCII: one byte per char
                buf[pos++] = '"';
                return;
            }
        }
        escaped.reset();
        try (JsonGenerator g = SessionFormat.JSON.createGenerator(escaped)) {
            g.writeString(s);
        }
        bytes(escaped.toByteArray());
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private void bytes(byte[] bytes) throws IOException {
        if (bytes.length > buf.length - pos) {
            flush();
            if (bytes.length > buf.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /** A constant of at most {@link #SLACK} ASCII characters. */
    private void ascii(String s) throws IOException {
        if (pos + SLACK > buf.length) {
            flush();
        }
        copy(s);
    }

    /** ASCII characters as bytes; the caller made room. */
    private void copy(String s) {
        for (int i = 0; i < s.length(); i++) {
            buf[pos + i] = (byte) s.charAt(i);
        }
        pos += s.length();
    }

    private void comma() throws IOException {
        if (pos + SLACK > buf.length) {
            flush();
        }
        buf[pos++] = ',';
    }

    /** How many of {@code wanted} piece indexes the buffer has room for now (at least one), flushing it if need be. */
    private int room(int wanted) throws IOException {
        if (pos + INDEX + SLACK > buf.length) {
            flush();
        }
        return Math.min(wanted, (buf.length - SLACK - pos) / INDEX);
    }

    /**
     * Writes a piece's index at {@code at}, after a comma when {@code comma}, where {@link #room} made
     * room; returns where it ends. From {@link #digits}, filled as indexes come: one 8-byte store each
     * (6,000,000 of them in a 100,000-node save, of 50,000 distinct values).
     */
    private int index(int at, boolean comma, int value) throws IOException {
        if (value < 0 || value >= digits.length) {
            if (comma) {
                buf[at++] = ',';
            }
            pos = at;
            number(value); // in the room made: no flush
            return pos;
        }
        long packed = digits[value];
        if (packed == 0) {
            packed = pack(value);
            digits[value] = packed;
        }
        if (comma) {
            LONG.set(buf, at, packed);
            return at + (int) (packed >>> 56);
        }
        LONG.set(buf, at, packed >>> 8); // without the comma; the count lands past the end, overwritten later
        return at + (int) (packed >>> 56) - 1;
    }

    /**
     * A comma and the decimal digits of {@code value} (below 1,000,000) in the low bytes, in the order
     * written; the count of bytes in the top byte.
     */
    private static long pack(int value) {
        String text = "," + value;
        long packed = (long) text.length() << 56;
        for (int i = 0; i < text.length(); i++) {
            packed |= (long) (text.charAt(i) & 0xff) << (8 * i);
        }
        return packed;
    }

    /** A number in decimal, as the generator writes an int. */
    private void number(int value) throws IOException {
        if (pos + SLACK > buf.length) {
            flush();
        }
        if (value < 0) {
            if (value == Integer.MIN_VALUE) {
                copy(Integer.toString(value));
                return;
            }
            buf[pos++] = '-';
            value = -value;
        }
        int v = value;
        byte[] b = buf;
        int at = pos;
        if (v < 10) {
            b[at] = (byte) ('0' + v);
            pos = at + 1;
            return;
        }
        int digits = v < 100 ? 2 : v < 1000 ? 3 : v < 10_000 ? 4 : v < 100_000 ? 5 : v < 1_000_000 ? 6
                : v < 10_000_000 ? 7 : v < 100_000_000 ? 8 : v < 1_000_000_000 ? 9 : 10;
        int i = at + digits;
        while (v >= 100) { // two digits a step from a table: the lowest first
            int q = v / 100;
            int r = (v - q * 100) << 1;
            b[--i] = PAIRS[r + 1];
            b[--i] = PAIRS[r];
            v = q;
        }
        if (v >= 10) {
            b[--i] = PAIRS[(v << 1) + 1];
            b[--i] = PAIRS[v << 1];
        } else {
            b[--i] = (byte) ('0' + v);
        }
        pos = at + digits;
    }

    private void flush() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
