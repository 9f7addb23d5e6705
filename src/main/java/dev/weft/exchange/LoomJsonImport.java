package dev.weft.exchange;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.NodeMarks;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads socketteer/loom's tree files (the JSON its {@code model.py} saves): a {@code root} node
 * with nested {@code children}, each node with {@code text}, {@code meta.source} ({@code AI},
 * {@code prompt} or {@code mixed}), {@code tags} and, for generated text, the tokens in one of the
 * layouts of {@link LoomTokens}, {@code notes} (loom's note per node, a list of strings) and
 * {@code visited}. A bare node or a bare list of nodes loads too, as loom's load_tree_data allows.
 * Tags become weft tags (bookmark and archived become weft's bookmark and deletion); when the
 * file marks any node {@code visited}, a node without it is unread, as loom shows it. Token data whose text no longer matches the node (edited after it was
 * generated) is dropped with a warning: the text is what the user kept.
 */
final class LoomJsonImport {
    static final String FORMAT = "socketteer/loom";
    /** Tags weft carries over as its own marks. */
    private static final List<String> MARKS = List.of("bookmark", "archived");

    private final ForeignJson file;
    private final Instant now;
    private final Optional<ForeignJson> responses;
    /** What the file says of a generation's parameters: nothing (generation_settings are the settings when saved). */
    private static final java.util.Set<String> UNSTATED = Generation.PARAMS;
    private static final String UNKNOWN_MODEL = "unknown";
    private final List<ImportedNode> nodes = new ArrayList<>();
    private final ImportReport report = new ImportReport();
    /** The children a hoist or a zipped chain moved off their node, by that node's id (model.py's zip). */
    private final Map<String, List<ForeignJson>> grafts = new HashMap<>();
    /** Compound nodes by id, to the id of the node they end with. */
    private final Map<String, String> masks = new HashMap<>();
    private String hoisted;
    private final Map<String, Integer> otherTags = new TreeMap<>();
    /** Each node's {@code visited}, null where the file does not say. */
    private final List<Boolean> visited = new ArrayList<>();

    private LoomJsonImport(ForeignJson file, Instant now) throws ImportException {
        this.file = file;
        this.now = now;
        this.responses = file.isObject() ? file.optional("model_responses") : Optional.empty();
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
        int hoist = -1;
        while (!todo.isEmpty()) {
            Pending next = todo.pop();
            ForeignJson node = unmasked(next.node());
            int index = nodes.size();
            nodes.add(node(node, next.parent()));
            String id = node.has("id") ? node.field("id").string() : null;
            if (id != null && id.equals(selectedId == null ? null : masks.getOrDefault(selectedId, selectedId))) {
                selected = index;
            }
            if (id != null && id.equals(hoisted)) {
                hoist = index;
            }
            List<ForeignJson> children = children(node);
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(new Pending(children.get(i), index));
            }
        }
        unread();
        dropped();
        return new ImportedTree(FORMAT, nodes, selected, hoist, report.lines());
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
        ForeignJson root = unmasked(file.has("root") ? file.field("root") : file);
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

    /**
     * The node itself, or for a compound node the chain it hides. Loom's hoist and zip (model.py)
     * replace a chain from {@code masked_head} to the node {@code tail_id} with one node holding
     * the chain's text, which takes over the tail's children; a hoisted root hides everything above
     * the hoisted node that way. weft imports the chain itself, gives the children back to the
     * tail, and keeps the innermost hoist as the session's hoist.
     */
    private ForeignJson unmasked(ForeignJson node) throws ImportException {
        while (node.has("masked_head")) {
            String tail = node.field("tail_id").string();
            grafts.computeIfAbsent(tail, t -> new ArrayList<>()).addAll(ownChildren(node));
            if (node.has("id")) {
                masks.put(node.field("id").string(), tail);
            }
            if (hoisted == null && node.has("hoisted") && node.field("hoisted").truthy()) {
                hoisted = tail;
            }
            node = node.field("masked_head");
        }
        return node;
    }

    private ImportedNode node(ForeignJson node, int parent) throws ImportException {
        String text = node.field("text").string();
        Origin origin = parent < 0 ? Origin.PROMPT : origin(node);
        Optional<Scored> scored = scored(node);
        TokenRun tokens = TokenRun.unscored(text);
        if (scored.isPresent()) {
            TokenAlignment.Aligned aligned = TokenAlignment.align(text, scored.get().tokens());
            tokens = aligned.tokens();
            switch (aligned.fit()) {
                case AROUND -> report.at(node.path(), "the node has text around its generated tokens (loom's chat"
                        + " wrapping, a merge); that text is imported unscored");
                case PART -> report.at(node.path(), "the node holds part of its generation (a cut at a stop sequence,"
                        + " a split); the tokens outside it are left out");
                case EDITED -> report.at(node.path(), "the node's text was edited after it was generated; its tokens"
                        + " from the first change on are imported unscored");
                case EXACT -> { }
            }
        }
        Generation generation = origin == Origin.MODEL || origin == Origin.SWAP
                ? new Generation("loom", scored.map(Scored::model).orElse(UNKNOWN_MODEL), SamplingParams.DEFAULTS,
                        scored.map(Scored::at).orElse(createdAt(node)),
                        scored.map(Scored::finish).orElse(FinishReason.STOP), UNSTATED)
                : null;
        if (generation == null && node.has("meta") && node.field("meta").has("creation_timestamp")) {
            report.dropped("creation times of nodes no model wrote", 1);
        }
        List<String> tags = tags(node);
        List<String> kept = new ArrayList<>();
        for (String tag : tags) {
            if (MARKS.contains(tag)) {
                continue;
            }
            if (NodeMarks.tagProblem(tag) == null) {
                kept.add(tag);
            } else {
                otherTags.merge(tag, 1, Integer::sum);
            }
        }
        visited.add(node.has("visited") ? node.field("visited").truthy() : null);
        count(node, "chapter_id", "chapter marks on nodes");
        count(node, "text_attributes", "nodes' text attributes");
        count(node, "memory", "memory entries on nodes");
        if (node.has("multimedia")) {
            report.dropped("images", node.field("multimedia").elements().size());
        }
        boolean bookmarked = tags.contains("bookmark") || node.has("bookmark") && node.field("bookmark").truthy();
        return new ImportedNode(parent, origin, tokens, generation, bookmarked, tags.contains("archived"),
                new NodeMarks(kept, notes(node), false));
    }

    private void count(ForeignJson node, String field, String what) {
        if (node.has(field)) {
            report.dropped(what, 1);
        }
    }

    /** loom's notes: the non-empty ones, one per line (loom edits the first). */
    private static String notes(ForeignJson node) throws ImportException {
        if (!node.has("notes")) {
            return "";
        }
        ForeignJson notes = node.field("notes");
        List<String> out = new ArrayList<>();
        for (ForeignJson note : !notes.isArray() ? List.of(notes) : notes.elements()) {
            String text = note.string();
            if (!text.isBlank()) {
                out.add(text);
            }
        }
        return String.join("\n", out);
    }

    /** A file that says which nodes were visited: the others are unread (loom's node.get("visited", False)). */
    private void unread() {
        if (visited.stream().allMatch(java.util.Objects::isNull)) {
            return;
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (!Boolean.TRUE.equals(visited.get(i))) {
                ImportedNode n = nodes.get(i);
                nodes.set(i, new ImportedNode(n.parent(), n.origin(), n.tokens(), n.generation(), n.bookmarked(),
                        n.deleted(), n.marks().withUnread(true)));
            }
        }
    }

    /** What the file holds beyond the nodes, counted once the nodes are read. */
    private void dropped() throws ImportException {
        otherTags.forEach((tag, count) -> report.dropped("tags \"" + tag + "\" (not one word)", count));
        if (!file.isObject()) {
            return;
        }
        for (String global : List.of("chapters", "memories", "summaries", "canonical")) {
            if (file.has(global)) {
                ForeignJson value = file.field(global);
                report.dropped(global, value.isObject() ? value.members().size() : value.elements().size());
            }
        }
    }

    /** Token data and request details of a generated node, from either layout. */
    private record Scored(TokenRun tokens, String model, Instant at, FinishReason finish) {}

    private Optional<Scored> scored(ForeignJson node) throws ImportException {
        if (node.has("generation") && node.field("generation").has("id") && responses.isPresent()) {
            ForeignJson generation = node.field("generation");
            String id = generation.field("id").string();
            if (!responses.get().has(id)) {
                report.at(generation.path(), "no model_responses entry for the node's generation (loom keeps"
                        + " them in backups/model_responses-*.json after a cleanup); imported without token data");
                return Optional.empty();
            }
            ForeignJson response = responses.get().field(id);
            int index = generation.has("index") ? (int) generation.field("index").number() : 0;
            List<ForeignJson> completions = response.field("completions").elements();
            if (index < 0 || index >= completions.size()) {
                throw generation.field("index").error("no completion " + index + " in " + response.path());
            }
            ForeignJson completion = completions.get(index);
            TokenRun tokens = LoomTokens.ofTokenList(completion.field("tokens"));
            if (completion.has("text") && !tokens.text().equals(completion.field("text").string())) {
                tokens = LoomTokens.placed(completion.field("tokens"), completion.field("text").string())
                        .orElse(tokens);
            }
            return Optional.of(new Scored(generated(completion, tokens),
                    response.has("model") ? response.field("model").string() : UNKNOWN_MODEL,
                    response.has("timestamp") ? timestamp(response.field("timestamp")) : createdAt(node),
                    finish(completion.optional("finishReason"))));
        }
        Optional<ForeignJson> old = node.has("meta") ? node.field("meta").optional("generation") : Optional.empty();
        if (old.isPresent() && old.get().has("logprobs")) {
            ForeignJson choice = old.get();
            return Optional.of(new Scored(generated(choice, LoomTokens.ofLogprobs(choice.field("logprobs"))),
                    choice.has("model") ? choice.field("model").string() : UNKNOWN_MODEL, createdAt(node),
                    finish(choice.optional("finish_reason"))));
        }
        return Optional.empty();
    }

    /**
     * The tokens of what was generated: OpenAI's logprobs go on past a stop sequence (the tokens of
     * the stop and after it), while the completion's {@code text} ends before it; the text is the truth.
     */
    private static TokenRun generated(ForeignJson completion, TokenRun tokens) throws ImportException {
        if (!completion.has("text")) {
            return tokens;
        }
        TokenAlignment.Aligned aligned = TokenAlignment.align(completion.field("text").string(), tokens);
        return aligned.fit() == TokenAlignment.Fit.PART ? aligned.tokens() : tokens;
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
            report.at(value.path(), "not a loom timestamp (yyyy-MM-dd-HH.mm.ss); the import time is used");
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
        String source = source(node);
        if (source == null) {
            // the oldest layout has no source: a node a model wrote carries its generation
            boolean generated = node.has("generation") || meta.isPresent() && meta.get().has("generation");
            return generated ? Origin.MODEL : Origin.EDIT;
        }
        return "AI".equals(source) ? Origin.MODEL : Origin.EDIT;
    }

    private static String source(ForeignJson node) throws ImportException {
        Optional<ForeignJson> meta = node.optional("meta");
        return meta.isPresent() && meta.get().has("source") ? meta.get().field("source").string() : null;
    }

    /** The node's children, with those a compound node above moved off it given back. */
    private List<ForeignJson> children(ForeignJson node) throws ImportException {
        List<ForeignJson> own = ownChildren(node);
        List<ForeignJson> moved = node.has("id") ? grafts.get(node.field("id").string()) : null;
        if (moved == null) {
            return own;
        }
        List<ForeignJson> all = new ArrayList<>(own);
        all.addAll(moved);
        return all;
    }

    private static List<ForeignJson> ownChildren(ForeignJson node) throws ImportException {
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
}
