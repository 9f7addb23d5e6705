package dev.weft.session;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseNode;
import dev.weft.analysis.MultiverseRecord;
import dev.weft.analysis.MultiverseSettings;
import dev.weft.loom.NodeId;
import dev.weft.loom.Piece;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A multiverse analysis's own fields (weft-session(5), "Analyses"), after node, cursor and context:
 * <pre>
 * "profile", "backend", "model", "depth", "top_k", "floor", "below": [i, …], "model_calls",
 * "unexpanded", "pruned", "blocks": [{"text", "bytes" (partial UTF-8 only), "logprob", "p",
 *                                     "pruned", "ends", "blocks": [… the same, nested]}]
 * </pre>
 * {@code p} is the probability of the path to the block relative to the expansion's root, kept as
 * the expansion computed it rather than multiplied again from the logprobs.
 */
final class MultiverseCodec {
    static final String KIND = "multiverse";

    private MultiverseCodec() {}

    static void writeFields(JsonGenerator g, MultiverseRecord r) throws IOException {
        g.writeStringField("profile", r.side().profile());
        g.writeStringField("backend", r.side().backend());
        g.writeStringField("model", r.side().model());
        MultiverseSettings s = r.multiverse().settings();
        g.writeNumberField("depth", s.depth());
        g.writeNumberField("top_k", s.top());
        g.writeNumberField("floor", s.minProbability());
        g.writeArrayFieldStart("below");
        for (int i : r.below()) {
            g.writeNumber(i);
        }
        g.writeEndArray();
        g.writeNumberField("model_calls", r.multiverse().modelCalls());
        g.writeNumberField("unexpanded", r.multiverse().unexpanded());
        MultiverseNode root = r.multiverse().root();
        g.writeNumberField("pruned", root.prunedMass());
        writeBlocks(g, root.children());
    }

    private static void writeBlocks(JsonGenerator g, List<MultiverseNode> blocks) throws IOException {
        g.writeArrayFieldStart("blocks");
        for (MultiverseNode b : blocks) {
            g.writeStartObject();
            g.writeStringField("text", b.piece().text());
            if (!b.piece().isComplete()) {
                g.writeFieldName("bytes");
                TokenCodec.writeBytesIfPartial(g, b.piece());
            }
            g.writeNumberField("logprob", b.logprob());
            g.writeNumberField("p", b.pathProbability());
            g.writeNumberField("pruned", b.prunedMass());
            g.writeBooleanField("ends", b.endsText());
            writeBlocks(g, b.children());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Collects the fields as they come, in any order. */
    static final class Fields {
        private final BackendFields side = new BackendFields();
        private Integer depth;
        private Integer top;
        private Double floor;
        private List<Integer> below;
        private Integer calls;
        private Integer unexpanded;
        private Double pruned;
        private List<MultiverseNode> blocks;

        boolean read(JsonInput in, String name) throws SessionException {
            if (side.read(in, name)) {
                return true;
            }
            String field = JsonInput.quoted(name);
            switch (name) {
                case "depth" -> depth = in.intValue(field);
                case "top_k" -> top = in.intValue(field);
                case "floor" -> floor = in.doubleValue(field);
                case "below" -> {
                    List<Integer> walk = new ArrayList<>();
                    in.array(field, i -> {
                        int child = in.intValue("a block of \"below\"");
                        if (child < 0) {
                            throw in.expected("a block of \"below\"", "a child index (an integer >= 0)");
                        }
                        walk.add(child);
                    });
                    below = walk;
                }
                case "model_calls" -> calls = count(in, field);
                case "unexpanded" -> unexpanded = count(in, field);
                case "pruned" -> pruned = mass(in, field);
                case "blocks" -> blocks = readBlocks(in, field, 1);
                default -> {
                    return false;
                }
            }
            return true;
        }

        MultiverseRecord build(JsonInput in, JsonInput.Mark start, Instant at, NodeId node, int cursor, String context)
                throws SessionException {
            String where = "this multiverse analysis";
            AnalysisRecord.Side s = side.side(in, start, where);
            in.require(start, where, "depth", depth);
            in.require(start, where, "top_k", top);
            in.require(start, where, "floor", floor);
            in.require(start, where, "below", below);
            in.require(start, where, "model_calls", calls);
            in.require(start, where, "unexpanded", unexpanded);
            in.require(start, where, "pruned", pruned);
            in.require(start, where, "blocks", blocks);
            try {
                MultiverseSettings settings = new MultiverseSettings(depth, top, floor);
                MultiverseNode root = new MultiverseNode(Piece.EMPTY, 0, 1, false, pruned, blocks);
                return new MultiverseRecord(at, node, cursor, context, s, below,
                        new Multiverse(settings, List.of(), 1, root, calls, unexpanded));
            } catch (IllegalArgumentException e) {
                throw in.error(start, where + ": " + e.getMessage());
            }
        }
    }

    /** Deeper than any expansion weft makes; a hand-made file cannot nest without end. */
    private static final int MOST_LEVELS = 64;

    private static List<MultiverseNode> readBlocks(JsonInput in, String what, int level) throws SessionException {
        if (level > MOST_LEVELS) {
            throw in.error(what + " nests more than " + MOST_LEVELS + " levels");
        }
        List<MultiverseNode> out = new ArrayList<>();
        in.array(what, i -> out.add(readBlock(in, level)));
        return out;
    }

    private static MultiverseNode readBlock(JsonInput in, int level) throws SessionException {
        JsonInput.Mark start = in.mark();
        String[] text = new String[1];
        byte[][] bytes = new byte[1][];
        Double[] numbers = new Double[3];
        Boolean[] ends = new Boolean[1];
        List<List<MultiverseNode>> children = new ArrayList<>(1);
        String where = "a multiverse block";
        in.object(where, name -> {
            String field = JsonInput.quoted(name);
            switch (name) {
                case "text" -> text[0] = in.string(field);
                case "bytes" -> bytes[0] = TokenCodec.readBytes(in, field);
                case "logprob" -> {
                    numbers[0] = in.doubleValue(field);
                    if (!(numbers[0] <= 0) || numbers[0].isInfinite()) {
                        throw in.expected(field, "a logprob (a finite number <= 0)");
                    }
                }
                case "p" -> numbers[1] = mass(in, field);
                case "pruned" -> numbers[2] = mass(in, field);
                case "ends" -> ends[0] = in.bool(field);
                case "blocks" -> children.add(readBlocks(in, field, level + 1));
                default -> throw in.unknownField(name, where);
            }
        });
        in.require(start, where, "text", text[0]);
        in.require(start, where, "logprob", numbers[0]);
        in.require(start, where, "p", numbers[1]);
        in.require(start, where, "pruned", numbers[2]);
        in.require(start, where, "ends", ends[0]);
        in.require(start, where, "blocks", children.isEmpty() ? null : children.get(0));
        Piece piece = bytes[0] == null ? Piece.of(text[0]) : Piece.ofBytes(bytes[0]);
        return new MultiverseNode(piece, numbers[0], numbers[1], ends[0], numbers[2], children.get(0));
    }

    private static int count(JsonInput in, String field) throws SessionException {
        int n = in.intValue(field);
        if (n < 0) {
            throw in.expected(field, "a count (an integer >= 0)");
        }
        return n;
    }

    private static double mass(JsonInput in, String field) throws SessionException {
        double p = in.doubleValue(field);
        if (!(p >= 0 && p <= 1.000001)) {
            throw in.expected(field, "a probability from 0 to 1");
        }
        return p;
    }
}
