package dev.weft.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import dev.weft.loom.Generation;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.Piece;
import dev.weft.loom.TokenRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nodes in version 2 of the session file (weft-session(5)): each distinct token text is written
 * once in {@code "pieces"} and each distinct generation once in {@code "generations"}; a node
 * refers to them by index, and its logprobs are one base64 string of 32-bit floats (the exact
 * values the tree holds). One node per line, no indentation: a 100,000-node tree opens in a
 * fraction of the time version 1 takes, and the file is a fraction of the size.
 */
final class CompactNodes {
    private CompactNodes() {}

    /**
     * The tables a file's nodes refer to, in file order, and whether to keep the tokens'
     * alternatives (a command that shows none reads them for their checks only).
     */
    record Tables(PieceTable pieces, List<Generation> generations, boolean alternatives) {}

    /**
     * Writes {@code "pieces"}, {@code "generations"} and {@code "nodes"} (nodes in the order given), the
     * last field of the file: the node lines go straight to {@code out}, which {@code g} writes to.
     */
    static void write(JsonGenerator g, OutputStream out, List<Node> nodes) throws IOException {
        PieceIndex pieces = new PieceIndex();
        Map<Generation, Integer> generations = new HashMap<>();
        // nodes share their generation objects (one per table entry read, one per request made): identity first
        Map<Generation, Integer> sameGeneration = new IdentityHashMap<>();
        for (Node node : nodes) {
            TokenRun run = node.tokens();
            // each token, then its alternatives: the table's order of first use
            int k = 0;
            for (int i = 0; i < run.size(); i++) {
                pieces.add(run.piece(i));
                for (int end = k + run.alternativeCount(i); k < end; k++) {
                    pieces.add(run.alternativePiece(k));
                }
            }
            if (node.generation() != null && !sameGeneration.containsKey(node.generation())) {
                Integer index = generations.putIfAbsent(node.generation(), generations.size());
                sameGeneration.put(node.generation(), index != null ? index : generations.size() - 1);
            }
        }
        g.writeFieldName("pieces");
        SessionLayout.expandNext(g);
        g.writeStartArray();
        for (Piece piece : pieces.inOrder()) {
            writePiece(g, piece);
        }
        g.writeEndArray();
        g.writeFieldName("generations");
        SessionLayout.expandNext(g);
        g.writeStartArray();
        for (Generation generation : inOrder(generations)) {
            GenerationCodec.write(g, generation);
        }
        g.writeEndArray();
        g.writeFieldName("nodes");
        g.writeRawValue(""); // the separator before the value; the value itself goes past the generator
        g.flush();
        NodeLines.write(out, nodes, pieces.inOrder().size(), pieces::indexOf, sameGeneration);
    }

    /**
     * Each distinct piece's index in the table, in order of first use: by {@link Piece#serial()} in an
     * array, since a 100,000-node tree looks up 6,000,000 token and alternative pieces twice (an
     * identity hash map spent 45% of a save there). Pieces are interned, so equal pieces are
     * nearly always the same one; two equal pieces that are not (long edits) get an entry each.
     */
    private static final class PieceIndex {
        private int[] bySerial = new int[Math.max(16, Piece.serials())];
        private final List<Piece> order = new ArrayList<>();

        PieceIndex() {
            java.util.Arrays.fill(bySerial, -1);
        }

        /** The piece's index, a new one when it is new. */
        int add(Piece piece) {
            int serial = piece.serial();
            if (serial >= bySerial.length) {
                int old = bySerial.length;
                bySerial = java.util.Arrays.copyOf(bySerial, Math.max(serial + 1, old * 2));
                java.util.Arrays.fill(bySerial, old, bySerial.length, -1);
            }
            if (bySerial[serial] < 0) {
                bySerial[serial] = order.size();
                order.add(piece);
            }
            return bySerial[serial];
        }

        /** The index of a piece {@link #add} was given. */
        int indexOf(Piece piece) {
            return bySerial[piece.serial()];
        }

        List<Piece> inOrder() {
            return order;
        }
    }

    private static <T> List<T> inOrder(Map<T, Integer> index) {
        List<T> out = new ArrayList<>(java.util.Collections.nCopies(index.size(), null));
        index.forEach((value, i) -> out.set(i, value));
        return out;
    }

    private static void writePiece(JsonGenerator g, Piece piece) throws IOException {
        if (piece.isComplete()) {
            g.writeString(piece.text());
            return;
        }
        g.writeStartArray();
        for (byte b : piece.bytes()) {
            g.writeNumber(b & 0xff);
        }
        g.writeEndArray();
    }

    /** Reads {@code "generations"}; the input stands on the array's start. */
    static List<Generation> readGenerations(JsonInput in, String what) throws SessionException {
        List<Generation> generations = new ArrayList<>();
        in.array(what, i -> {
            in.expect(JsonToken.START_OBJECT, "generation " + i, "an object");
            generations.add(GenerationCodec.readNullable(in, "generation " + i));
        });
        return generations;
    }

    /** Reads one node; {@code tables} must have been read (they come before the nodes). */
    static Node readNode(JsonInput in, Tables tables) throws SessionException {
        if (tables.pieces() == null || tables.generations() == null) {
            throw in.error("\"pieces\" and \"generations\" must come before \"nodes\" in a version-2 session");
        }
        JsonInput.Mark start = in.mark();
        Fields f = new Fields();
        in.object("a node", name -> {
            if (f.place.read(in, name)) {
                return;
            }
            String field = JsonInput.quoted(name);
            switch (name) {
                case "generation" -> {
                    if (in.token() != JsonToken.VALUE_NULL) {
                        int g = in.intValue(field);
                        if (g < 0 || g >= tables.generations().size()) {
                            throw in.expected(field, "null or an index into \"generations\" (0 to "
                                    + (tables.generations().size() - 1) + ")");
                        }
                        f.generation = tables.generations().get(g);
                    }
                    f.generationSeen = true;
                }
                case "tokens" -> f.tokens = pieces(in, field, tables.pieces());
                case "top" -> f.top = ints(in, field);
                case "alternatives" -> {
                    if (tables.alternatives()) {
                        f.alternatives = pieces(in, field, tables.pieces());
                        f.alternativeCount = f.alternatives.length;
                    } else {
                        f.alternativeCount = checkedIndexes(in, field, tables.pieces()).length;
                    }
                    f.alternativesSeen = true;
                }
                case "logprobs" -> f.logprobs = in.binary(field);
                case "tags" -> f.tags = MarksCodec.read(in, name);
                case "note" -> f.note = MarksCodec.read(in, name);
                case "unread" -> f.unread = MarksCodec.read(in, name);
                default -> throw in.unknownField(name, "a node");
            }
        });
        NodePlace p = f.place;
        p.require(in, start);
        String where = p.where();
        in.require(start, where, "generation", f.generationSeen ? Boolean.TRUE : null);
        in.require(start, where, "tokens", f.tokens);
        in.require(start, where, "top", f.top);
        in.require(start, where, "alternatives", f.alternativesSeen ? Boolean.TRUE : null);
        in.require(start, where, "logprobs", f.logprobs);
        return new Node(p.id, p.parent, p.origin, run(in, start, where, f), p.children, f.generation, p.bookmarked,
                p.deleted, MarksCodec.of(f.tags, f.note, f.unread));
    }

    private static TokenRun run(JsonInput in, JsonInput.Mark start, String where, Fields f) throws SessionException {
        int n = f.tokens.length;
        int alternatives = f.alternativeCount;
        if (f.top.length != 0 && f.top.length != n) {
            throw in.error(start, where + ": \"top\" has " + f.top.length + " counts for " + n + " tokens");
        }
        if (f.logprobs.length != 4L * (n + alternatives)) {
            throw in.error(start, where + ": \"logprobs\" holds " + f.logprobs.length + " bytes; " + n + " tokens and "
                    + alternatives + " alternatives need " + 4L * (n + alternatives));
        }
        ByteBuffer lp = ByteBuffer.wrap(f.logprobs);
        float[] logprobs = new float[n];
        for (int i = 0; i < n; i++) {
            logprobs[i] = lp.getFloat();
        }
        float[] altLogprobs = new float[alternatives];
        for (int k = 0; k < alternatives; k++) {
            altLogprobs[k] = lp.getFloat();
        }
        int[] altStart = null;
        if (f.top.length > 0) {
            altStart = new int[n + 1];
            for (int i = 0; i < n; i++) {
                if (f.top[i] < 0) {
                    throw in.error(start, where + ": a negative count in \"top\"");
                }
                altStart[i + 1] = altStart[i] + f.top[i];
            }
        }
        int counted = altStart == null ? 0 : altStart[n];
        if (counted != alternatives) {
            throw in.error(start, where + ": \"top\" counts " + counted + " alternatives, \"alternatives\" holds "
                    + alternatives);
        }
        return f.alternatives == null ? TokenRun.ofColumns(f.tokens, logprobs, null, NO_PIECES, new float[0])
                : TokenRun.ofColumns(f.tokens, logprobs, altStart, f.alternatives, altLogprobs);
    }

    private static final Piece[] NO_PIECES = new Piece[0];

    private static Piece[] pieces(JsonInput in, String what, PieceTable table) throws SessionException {
        int[] ids = checkedIndexes(in, what, table);
        Piece[] out = new Piece[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = table.get(in, ids[i]);
        }
        return out;
    }

    private static int[] checkedIndexes(JsonInput in, String what, PieceTable table) throws SessionException {
        int[] ids = ints(in, what);
        for (int id : ids) {
            if (id < 0 || id >= table.size()) {
                throw in.expected(what, "indexes into \"pieces\" (0 to " + (table.size() - 1) + ")");
            }
        }
        return ids;
    }

    private static int[] ints(JsonInput in, String what) throws SessionException {
        int[][] box = {new int[16]};
        int[] size = {0};
        String element = "an element of " + what; // once: the big session has 6,000,000 elements
        in.array(what, i -> {
            if (size[0] == box[0].length) {
                box[0] = java.util.Arrays.copyOf(box[0], size[0] * 2);
            }
            box[0][size[0]++] = in.intValue(element);
        });
        return java.util.Arrays.copyOf(box[0], size[0]);
    }

    private static final class Fields {
        final NodePlace place = new NodePlace();
        Generation generation;
        boolean generationSeen;
        Piece[] tokens;
        int[] top;
        /** Null when the alternatives are not kept. */
        Piece[] alternatives;
        int alternativeCount;
        boolean alternativesSeen;
        byte[] logprobs;
        Object tags;
        Object note;
        Object unread;
    }
}
