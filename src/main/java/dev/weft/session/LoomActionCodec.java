package dev.weft.session;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each {@link LoomAction} variant as a journal entry kind with its own fields, written beside
 * the entry's {@code seq}, {@code at} and {@code kind}. The names here are the file format:
 * they are spelled out rather than derived from the Java records, so renaming a record
 * component cannot silently change what old journals mean.
 */
final class LoomActionCodec {
    /** Every kind's fields; all are required and no others are allowed. */
    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("add_root", List.of("tokens")),
            Map.entry("append", List.of("parent", "origin", "generation", "tokens")),
            Map.entry("extend", List.of("node", "tokens")),
            Map.entry("finish", List.of("node", "finish")),
            Map.entry("split", List.of("node", "index")),
            Map.entry("join", List.of("node")),
            Map.entry("swap", List.of("node", "index", "alternative")),
            Map.entry("perturb", List.of("node", "start", "end", "replacement", "keep_tail")),
            Map.entry("rescore", List.of("node", "tokens")),
            Map.entry("delete", List.of("node")),
            Map.entry("undelete", List.of("node")),
            Map.entry("bookmark", List.of("node", "on")),
            Map.entry("mark", List.of("node", "tags", "note", "unread")));

    private LoomActionCodec() {}

    static boolean isActionKind(String kind) {
        return FIELDS.containsKey(kind);
    }

    /** Writes {@code "kind": …} and the action's fields into the entry object being written. */
    static void write(JsonGenerator g, LoomAction action) throws IOException {
        if (action instanceof LoomAction.AddRoot a) {
            kind(g, "add_root");
            tokens(g, a.tokens());
        } else if (action instanceof LoomAction.Append a) {
            kind(g, "append");
            g.writeNumberField("parent", a.parent().value());
            g.writeStringField("origin", a.origin().label());
            g.writeFieldName("generation");
            if (a.generation() == null) {
                g.writeNull();
            } else {
                GenerationCodec.write(g, a.generation());
            }
            tokens(g, a.tokens());
        } else if (action instanceof LoomAction.Extend a) {
            kind(g, "extend", a.node());
            tokens(g, a.tokens());
        } else if (action instanceof LoomAction.Finish a) {
            kind(g, "finish", a.node());
            g.writeStringField("finish", a.reason().label());
        } else if (action instanceof LoomAction.Split a) {
            kind(g, "split", a.node());
            g.writeNumberField("index", a.index());
        } else if (action instanceof LoomAction.Join a) {
            kind(g, "join", a.node());
        } else if (action instanceof LoomAction.Swap a) {
            kind(g, "swap", a.node());
            g.writeNumberField("index", a.index());
            g.writeNumberField("alternative", a.alternative());
        } else if (action instanceof LoomAction.Perturb a) {
            kind(g, "perturb", a.node());
            g.writeNumberField("start", a.start());
            g.writeNumberField("end", a.end());
            g.writeStringField("replacement", a.replacement());
            g.writeBooleanField("keep_tail", a.keepTail());
        } else if (action instanceof LoomAction.Rescore a) {
            kind(g, "rescore", a.node());
            tokens(g, a.tokens());
        } else if (action instanceof LoomAction.Delete a) {
            kind(g, "delete", a.node());
        } else if (action instanceof LoomAction.Undelete a) {
            kind(g, "undelete", a.node());
        } else if (action instanceof LoomAction.Bookmark a) {
            kind(g, "bookmark", a.node());
            g.writeBooleanField("on", a.on());
        } else if (action instanceof LoomAction.Mark a) {
            kind(g, "mark", a.node());
            MarksCodec.writeAll(g, a.marks());
        } else {
            // LoomAction is sealed; this is reached only when a variant is added without a codec
            throw new IllegalArgumentException("no journal encoding for " + action.getClass().getSimpleName());
        }
    }

    /** Collects one action's fields in any order, then builds the action. */
    static final class Fields {
        private final String kind;
        private final Map<String, Object> values = new HashMap<>();

        Fields(String kind) {
            this.kind = kind;
        }

        /** Reads the field if this kind has it; false if it does not. */
        boolean read(JsonInput in, String name) throws SessionException {
            if (!FIELDS.get(kind).contains(name)) {
                return false;
            }
            String field = JsonInput.quoted(name);
            values.put(name, switch (name) {
                case "node", "parent" -> in.nodeId(field);
                case "index", "alternative", "start", "end" -> in.intValue(field);
                case "replacement" -> in.string(field);
                case "keep_tail", "on" -> in.bool(field);
                case "origin" -> in.origin(field);
                case "finish" -> in.finishReason(field);
                case "generation" -> GenerationCodec.readNullable(in, field);
                case "tokens" -> TokenCodec.read(in, field);
                case "tags", "note", "unread" -> MarksCodec.read(in, name);
                default -> throw new IllegalStateException("field " + name + " has no reader");
            });
            return true;
        }

        LoomAction build(JsonInput in, JsonInput.Mark start) throws SessionException {
            String where = "this " + kind + " entry";
            for (String name : FIELDS.get(kind)) {
                if (!values.containsKey(name)) {
                    in.require(start, where, name, null);
                }
            }
            return switch (kind) {
                case "add_root" -> new LoomAction.AddRoot(tokens());
                case "append" -> new LoomAction.Append(nodeId("parent"), tokens(), (Origin) values.get("origin"),
                        (Generation) values.get("generation"));
                case "extend" -> new LoomAction.Extend(node(), tokens());
                case "finish" -> new LoomAction.Finish(node(), (FinishReason) values.get("finish"));
                case "split" -> new LoomAction.Split(node(), integer("index"));
                case "join" -> new LoomAction.Join(node());
                case "swap" -> new LoomAction.Swap(node(), integer("index"), integer("alternative"));
                case "perturb" -> new LoomAction.Perturb(node(), integer("start"), integer("end"),
                        (String) values.get("replacement"), (Boolean) values.get("keep_tail"));
                case "rescore" -> new LoomAction.Rescore(node(), tokens());
                case "delete" -> new LoomAction.Delete(node());
                case "undelete" -> new LoomAction.Undelete(node());
                case "bookmark" -> new LoomAction.Bookmark(node(), (Boolean) values.get("on"));
                case "mark" -> new LoomAction.Mark(node(),
                        MarksCodec.of(values.get("tags"), values.get("note"), values.get("unread")));
                default -> throw new IllegalStateException("kind " + kind + " has no builder");
            };
        }

        private NodeId node() {
            return nodeId("node");
        }

        private NodeId nodeId(String name) {
            return (NodeId) values.get(name);
        }

        private int integer(String name) {
            return (Integer) values.get(name);
        }

        private TokenRun tokens() {
            return (TokenRun) values.get("tokens");
        }
    }

    private static void kind(JsonGenerator g, String kind) throws IOException {
        g.writeStringField("kind", kind);
    }

    private static void kind(JsonGenerator g, String kind, NodeId node) throws IOException {
        kind(g, kind);
        g.writeNumberField("node", node.value());
    }

    private static void tokens(JsonGenerator g, TokenRun tokens) throws IOException {
        g.writeFieldName("tokens");
        TokenCodec.write(g, tokens);
    }
}
