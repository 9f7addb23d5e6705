package dev.weft.exchange;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads socketteer/loom's tree files (the JSON its {@code model.py} saves): a {@code root} node
 * with nested {@code children}, each node with {@code text}, {@code meta.source} ({@code AI},
 * {@code prompt} or {@code mixed}), {@code tags} and, for generated text, the tokens in one of the
 * layouts of {@link LoomTokens}. A bare node or a bare list of nodes loads too, as loom's
 * load_tree_data allows. Token data whose text no longer matches the node (edited after it was
 * generated) is dropped with a warning: the text is what the user kept.
 */
final class LoomJsonImport {
    static final String FORMAT = "socketteer/loom";

    private final ForeignJson file;
    private final Instant now;
    private final Optional<ForeignJson> responses;
    private LoomSettings settings = LoomSettings.DEFAULTS;
    private final List<ImportedNode> nodes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private LoomJsonImport(ForeignJson file, Instant now) throws ImportException {
        this.file = file;
        this.now = now;
        this.responses = file.isObject() ? file.optional("model_responses") : Optional.empty();
        Optional<ForeignJson> asked = file.isObject() ? file.optional("generation_settings") : Optional.empty();
        if (asked.isPresent()) {
            try {
                settings = LoomSettings.of(asked.get());
            } catch (ImportException e) {
                warnings.add(e.getMessage() + "; weft's default parameters are recorded instead");
            }
        }
    }

    static ImportedTree read(ForeignJson file, Instant now) throws ImportException {
        return new LoomJsonImport(file, now).tree();
    }

    private record Pending(ForeignJson node, int parent) {}

    private ImportedTree tree() throws ImportException {
        Deque<Pending> todo = new ArrayDeque<>();
        List<ForeignJson> roots = roots();
        for (int i = roots.size() - 1; i >= 0; i--) {
            todo.push(new Pending(roots.get(i), -1));
        }
        String selectedId = file.isObject() && file.has("selected_node_id")
                ? file.field("selected_node_id").string() : null;
        int selected = -1;
        while (!todo.isEmpty()) {
            Pending next = todo.pop();
            int index = nodes.size();
            nodes.add(node(next.node(), next.parent()));
            if (selectedId != null && next.node().has("id") && selectedId.equals(next.node().field("id").string())) {
                selected = index;
            }
            List<ForeignJson> children = children(next.node());
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(new Pending(children.get(i), index));
            }
        }
        return new ImportedTree(FORMAT, nodes, selected, warnings);
    }

    /**
     * The nodes that become weft roots. An empty root is only a holder when loom made it so
     * ({@code "mutable": false}, add_immutable_root) or nothing under it was generated; a holder's
     * children become the roots (a generated one as a prompt, as a weft root always is).
     */
    private List<ForeignJson> roots() throws ImportException {
        if (!file.isObject()) {
            return file.elements(); // a bare list of nodes under an implied empty root
        }
        ForeignJson root = file.has("root") ? file.field("root") : file;
        List<ForeignJson> children = children(root);
        boolean weftNode = root.has("meta") && root.field("meta").has("weft_origin");
        if (!root.field("text").string().isEmpty() || children.isEmpty() || weftNode) {
            return List.of(root);
        }
        boolean immutable = root.has("mutable") && !root.field("mutable").bool();
        boolean generatedUnder = false;
        for (ForeignJson child : children) {
            generatedUnder |= "AI".equals(source(child));
        }
        return immutable || !generatedUnder ? children : List.of(root);
    }

    private ImportedNode node(ForeignJson node, int parent) throws ImportException {
        String text = node.field("text").string();
        Origin origin = parent < 0 ? Origin.PROMPT : origin(node);
        Optional<Scored> scored = scored(node);
        TokenRun tokens = TokenRun.unscored(text);
        if (scored.isPresent()) {
            // compared as text: a node's text is decoded, so bytes that are not UTF-8 show as U+FFFD there
            if (scored.get().tokens().text().equals(text)) {
                tokens = scored.get().tokens();
            } else {
                warnings.add(node.path() + ": its text was edited after it was generated; imported without token data");
            }
        }
        Generation generation = origin == Origin.MODEL || origin == Origin.SWAP
                ? new Generation("loom", scored.map(Scored::model).orElse(settings.model()), settings.params(),
                        scored.map(Scored::at).orElse(createdAt(node)),
                        scored.map(Scored::finish).orElse(FinishReason.STOP))
                : null;
        List<String> tags = tags(node);
        boolean bookmarked = tags.contains("bookmark") || node.has("bookmark") && node.field("bookmark").truthy();
        return new ImportedNode(parent, origin, tokens, generation, bookmarked, tags.contains("archived"));
    }

    /** Token data and request details of a generated node, from either layout. */
    private record Scored(TokenRun tokens, String model, Instant at, FinishReason finish) {}

    private Optional<Scored> scored(ForeignJson node) throws ImportException {
        if (node.has("generation") && node.field("generation").has("id") && responses.isPresent()) {
            ForeignJson generation = node.field("generation");
            String id = generation.field("id").string();
            if (!responses.get().has(id)) {
                warnings.add(generation.path() + ": no model_responses entry \"" + id
                        + "\"; imported without token data");
                return Optional.empty();
            }
            ForeignJson response = responses.get().field(id);
            int index = generation.has("index") ? (int) generation.field("index").number() : 0;
            List<ForeignJson> completions = response.field("completions").elements();
            if (index < 0 || index >= completions.size()) {
                throw generation.field("index").error("no completion " + index + " in " + response.path());
            }
            ForeignJson completion = completions.get(index);
            return Optional.of(new Scored(LoomTokens.ofTokenList(completion.field("tokens")),
                    response.has("model") ? response.field("model").string() : settings.model(),
                    response.has("timestamp") ? timestamp(response.field("timestamp")) : createdAt(node),
                    finish(completion.optional("finishReason"))));
        }
        Optional<ForeignJson> old = node.has("meta") ? node.field("meta").optional("generation") : Optional.empty();
        if (old.isPresent() && old.get().has("logprobs")) {
            ForeignJson choice = old.get();
            return Optional.of(new Scored(LoomTokens.ofLogprobs(choice.field("logprobs")),
                    choice.has("model") ? choice.field("model").string() : settings.model(), createdAt(node),
                    finish(choice.optional("finish_reason"))));
        }
        return Optional.empty();
    }

    private static FinishReason finish(Optional<ForeignJson> reason) throws ImportException {
        if (reason.isEmpty()) {
            return FinishReason.STOP;
        }
        // gpt.py documents {"reason": ..., "sequence": ...}; its OpenAI path stores the plain string
        ForeignJson value = reason.get().isObject() ? reason.get().field("reason") : reason.get();
        return "length".equals(value.string()) ? FinishReason.LENGTH : FinishReason.STOP;
    }

    private Instant createdAt(ForeignJson node) throws ImportException {
        Optional<ForeignJson> meta = node.optional("meta");
        return meta.isPresent() && meta.get().has("creation_timestamp")
                ? timestamp(meta.get().field("creation_timestamp")) : now;
    }

    /** loom's timestamp(): {@code 2023-02-13-20.57.56}, local time of the machine that wrote it, read as UTC. */
    private Instant timestamp(ForeignJson value) throws ImportException {
        try {
            return LocalDateTime.parse(value.string(), LoomJsonExport.TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            warnings.add(value.path() + ": not a loom timestamp (yyyy-MM-dd-HH.mm.ss); the import time is used");
            return now;
        }
    }

    private static Origin origin(ForeignJson node) throws ImportException {
        Optional<ForeignJson> meta = node.optional("meta");
        if (meta.isPresent() && meta.get().has("weft_origin")) {
            String label = meta.get().field("weft_origin").string();
            for (Origin origin : Origin.values()) {
                if (origin.label().equals(label)) {
                    return origin;
                }
            }
        }
        return "AI".equals(source(node)) ? Origin.MODEL : Origin.EDIT;
    }

    private static String source(ForeignJson node) throws ImportException {
        Optional<ForeignJson> meta = node.optional("meta");
        return meta.isPresent() && meta.get().has("source") ? meta.get().field("source").string() : null;
    }

    private static List<ForeignJson> children(ForeignJson node) throws ImportException {
        return node.has("children") ? node.field("children").elements() : List.of();
    }

    private static List<String> tags(ForeignJson node) throws ImportException {
        List<String> out = new ArrayList<>();
        if (node.has("tags")) {
            for (ForeignJson tag : node.field("tags").elements()) {
                out.add(tag.string());
            }
        }
        return out;
    }

    /** The tree's generation_settings, as far as they fit weft's parameters. */
    private record LoomSettings(String model, SamplingParams params) {
        static final LoomSettings DEFAULTS = new LoomSettings("unknown", SamplingParams.DEFAULTS);

        static LoomSettings of(ForeignJson s) throws ImportException {
            SamplingParams d = SamplingParams.DEFAULTS;
            try {
                SamplingParams params = new SamplingParams(number(s, "temperature", d.temperature()),
                        number(s, "top_p", d.topP()), d.topK(), d.minP(),
                        (int) number(s, "response_length", d.maxTokens()),
                        (int) number(s, "num_continuations", d.n()), (int) number(s, "logprobs", d.topLogprobs()), null,
                        stops(s));
                return new LoomSettings(string(s, "model", "unknown"), params);
            } catch (IllegalArgumentException e) {
                throw s.error("unusable settings: " + e.getMessage());
            }
        }

        private static double number(ForeignJson s, String field, double fallback) throws ImportException {
            return s.has(field) ? s.field(field).number() : fallback;
        }

        private static String string(ForeignJson s, String field, String fallback) throws ImportException {
            return s.has(field) ? s.field(field).string() : fallback;
        }

        /** loom keeps stop strings in one string separated by '|', with \\n for a newline (gpt_util.parse_stop). */
        private static List<String> stops(ForeignJson s) throws ImportException {
            String stop = string(s, "stop", "");
            List<String> out = new ArrayList<>();
            for (String part : stop.split("\\|")) {
                if (!part.isEmpty()) {
                    out.add(part.replace("\\n", "\n").replace("\\t", "\t"));
                }
            }
            return out;
        }
    }
}
