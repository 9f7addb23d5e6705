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

    /** Writes {@code "pieces"}, {@code "generations"} and {@code "nodes"} (nodes in the order given). */
    static void write(JsonGenerator g, List<Node> nodes) throws IOException {
        Map<Piece, Integer> pieces = new IdentityHashMap<>(); // pieces are interned: identity finds nearly all repeats
        Map<Generation, Integer> generations = new HashMap<>();
        for (Node node : nodes) {
            TokenRun run = node.tokens();
            for (int i = 0; i < run.size(); i++) {
                pieces.putIfAbsent(run.piece(i), pieces.size());
                for (int j = 0; j < run.alternativeCount(i); j++) {
                    pieces.putIfAbsent(run.alternative(i, j).piece(), pieces.size());
                }
            }
            if (node.generation() != null) {
                generations.putIfAbsent(node.generation(), generations.size());
            }
        }
        g.writeFieldName("pieces");
        SessionLayout.expandNext(g);
        g.writeStartArray();
        for (Piece piece : inOrder(pieces)) {
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
        SessionLayout.expandNext(g);
        g.writeStartArray();
        for (Node node : nodes) {
            writeNode(g, node, pieces, generations);
        }
        g.writeEndArray();
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

    private static void writeNode(JsonGenerator g, Node node, Map<Piece, Integer> pieces,
                                  Map<Generation, Integer> generations) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", node.id().value());
        g.writeFieldName("parent");
        if (node.parent() == null) {
            g.writeNull();
        } else {
            g.writeNumber(node.parent().value());
        }
        g.writeStringField("origin", node.origin().label());
        g.writeArrayFieldStart("children");
        for (NodeId child : node.children()) {
            g.writeNumber(child.value());
        }
        g.writeEndArray();
        g.writeBooleanField("bookmarked", node.bookmarked());
        g.writeBooleanField("deleted", node.deleted());
        MarksCodec.writeSet(g, node.marks());
        g.writeFieldName("generation");
        if (node.generation() == null) {
            g.writeNull();
        } else {
            g.writeNumber(generations.get(node.generation()));
        }
        TokenRun run = node.tokens();
        int n = run.size();
        int alternatives = 0;
        g.writeArrayFieldStart("tokens");
        for (int i = 0; i < n; i++) {
            g.writeNumber(pieces.get(run.piece(i)));
            alternatives += run.alternativeCount(i);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("top");
        if (alternatives > 0) {
            for (int i = 0; i < n; i++) {
                g.writeNumber(run.alternativeCount(i));
            }
        }
        g.writeEndArray();
        ByteBuffer logprobs = ByteBuffer.allocate(4 * (n + alternatives));
        g.writeArrayFieldStart("alternatives");
        for (int i = 0; i < n; i++) {
            logprobs.putFloat((float) run.logprob(i));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < run.alternativeCount(i); j++) {
                var alt = run.alternative(i, j);
                g.writeNumber(pieces.get(alt.piece()));
                logprobs.putFloat((float) alt.logprob());
            }
        }
        g.writeEndArray();
        g.writeFieldName("logprobs");
        g.writeBinary(logprobs.array());
        g.writeEndObject();
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
