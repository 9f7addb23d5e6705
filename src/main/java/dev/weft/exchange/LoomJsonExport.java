package dev.weft.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.loom.Alternative;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.Piece;
import dev.weft.loom.TokenRun;
import dev.weft.loom.Utf8;
import dev.weft.session.Session;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A session as a socketteer/loom tree file, so the tree opens in that tool (layout from its
 * {@code model.py} and {@code gpt.py}): nested nodes with {@code id}, {@code text},
 * {@code children}, {@code parent_id}, {@code meta} ({@code source}: {@code prompt}, {@code AI} or
 * {@code mixed}), {@code tags} ({@code bookmark}, {@code archived} for a deleted subtree, and
 * the node's own tags, each declared in the top-level {@code tags} as loom's tag_node requires),
 * {@code notes} (loom's list; the note as its one entry) and {@code visited} (false while the
 * node is unread); a
 * node with scored tokens points with {@code generation: {id, index}} into {@code model_responses},
 * whose entry has the {@code prompt} ({@code text}: the context the node continued, {@code tokens}
 * null, as gpt.py's format_openAI_response writes it without echo; loom's get_request_info reads it)
 * and a completion that lists each token as {@code generatedToken}, its char {@code position} in
 * the node and its {@code counterfactuals} (an object, empty when none were reported: loom's token
 * selection calls {@code .items()} and {@code .copy()} on it). Only tokens with a logprob are
 * listed (loom's node info takes {@code math.exp} of each); text nothing scored lies between
 * their positions (except in text with bytes that are not UTF-8: there every token is listed). Several roots, or a root without
 * children, hang under an empty immutable root, as loom does itself: its load_tree_data reads the
 * root's first child even when a node is selected. The top level always has {@code chapters} and
 * {@code selected_node_id}, which Tapestry Loom's reader of loom files requires.
 * {@code meta.weft_origin} keeps weft's origin for a round trip.
 */
public final class LoomJsonExport {
    /** loom's own timestamp layout (util.timestamp), written in UTC. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH.mm.ss").withZone(ZoneOffset.UTC);
    /** The prefix OpenAI (and so loom) gives a token that is raw bytes, not text. */
    static final String BYTES_PREFIX = "bytes:";
    static final String ID_PREFIX = "weft-";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LoomJsonExport() {}

    public static ObjectNode of(Session session) {
        Loom loom = session.loom();
        ObjectNode file = JSON.objectNode();
        ObjectNode responses = JSON.objectNode();
        Map<NodeId, ObjectNode> written = new HashMap<>();
        for (Node node : loom.nodes()) {
            written.put(node.id(), node(node, loom, responses));
        }
        for (Node node : loom.nodes()) {
            ArrayNode children = written.get(node.id()).putArray("children");
            node.children().forEach(child -> children.add(written.get(child)));
        }
        List<NodeId> roots = loom.roots();
        if (roots.size() == 1 && !loom.node(roots.get(0)).children().isEmpty()) {
            file.set("root", written.get(roots.get(0)));
        } else {
            ObjectNode root = file.putObject("root");
            root.put("id", ID_PREFIX + "root");
            root.put("text", "");
            root.put("mutable", false);
            ArrayNode children = root.putArray("children");
            for (NodeId id : roots) {
                children.add(written.get(id).put("parent_id", ID_PREFIX + "root"));
            }
        }
        NodeId current = session.view().current();
        file.put("selected_node_id", current != null && loom.contains(current) ? id(current)
                : file.get("root").get("id").asText());
        file.putObject("chapters");
        declareTags(file, loom);
        file.set("model_responses", responses);
        return file;
    }

    private static ObjectNode node(Node node, Loom loom, ObjectNode responses) {
        ObjectNode o = JSON.objectNode();
        o.put("id", id(node.id()));
        o.put("text", node.text());
        if (node.parent() != null) {
            o.put("parent_id", id(node.parent()));
        }
        ObjectNode meta = o.putObject("meta");
        meta.put("source", node.origin() == Origin.MODEL || node.origin() == Origin.SWAP
                || node.origin() == Origin.PICKED ? "AI"
                : node.origin() == Origin.EDIT ? "mixed" : "prompt");
        meta.put("modified", false);
        meta.put("weft_origin", node.origin().label());
        if (node.generation() != null) {
            meta.put("creation_timestamp", TIMESTAMP.format(node.generation().at()));
        }
        ArrayNode tags = o.putArray("tags");
        if (node.bookmarked()) {
            tags.add("bookmark");
        }
        if (node.deleted()) {
            tags.add("archived");
        }
        node.marks().tags().forEach(tags::add);
        if (!node.marks().note().isEmpty()) {
            o.putArray("notes").add(node.marks().note());
        }
        o.put("visited", !node.marks().unread());
        if (hasScores(node.tokens())) {
            String response = id(node.id());
            responses.set(response, response(response, node, context(node, loom)));
            o.putObject("generation").put("id", response).put("index", 0);
        }
        return o;
    }

    /**
     * loom's tag table (model.py's DEFAULT_TAGS and add_tag): written only when a node has a tag of
     * its own, with loom's bookmark and archived entries, since a file's table replaces loom's defaults.
     */
    private static void declareTags(ObjectNode file, Loom loom) {
        java.util.TreeSet<String> own = new java.util.TreeSet<>();
        loom.nodes().forEach(n -> own.addAll(n.marks().tags()));
        own.removeAll(List.of("bookmark", "archived"));
        if (own.isEmpty()) {
            return;
        }
        ObjectNode table = file.putObject("tags");
        tag(table, "bookmark", false, "b", "bookmark-black");
        tag(table, "archived", true, "!", "archive-yellow");
        own.forEach(t -> tag(table, t, false, "None", "None"));
    }

    private static void tag(ObjectNode table, String name, boolean hide, String key, String icon) {
        table.putObject(name).put("name", name).put("scope", "node").put("hide", hide).put("show_only", false)
                .put("toggle_key", key).put("icon", icon);
    }

    /** The text the node continued: its ancestors' text, from the root. */
    private static String context(Node node, Loom loom) {
        if (node.parent() == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        loom.path(node.parent()).forEach(n -> text.append(n.text()));
        return text.toString();
    }

    private static ObjectNode response(String id, Node node, String context) {
        ObjectNode response = JSON.objectNode();
        response.put("id", id);
        ObjectNode prompt = response.putObject("prompt");
        prompt.put("text", context);
        prompt.putNull("tokens");
        Generation g = node.generation();
        response.put("model", g == null ? "" : g.model());
        if (g != null) {
            response.put("timestamp", TIMESTAMP.format(g.at()));
        }
        ObjectNode completion = response.putArray("completions").addObject();
        completion.put("text", node.text());
        completion.put("finishReason", g == null ? "stop" : g.finish().label());
        ArrayNode tokens = completion.putArray("tokens");
        TokenRun run = node.tokens();
        Utf8.Decoded decoded = Utf8.decode(run.bytes());
        int[] charAt = decoded.charAt();
        int[] offsets = run.byteOffsets();
        for (int i = 0; i < run.size(); i++) {
            // loom's readers need a number: unscored text lies between the positions of the others,
            // unless the text has bytes that are not UTF-8 (read as U+FFFD, they could not be placed back)
            if (!Double.isFinite(run.logprob(i)) && decoded.valid()) {
                continue;
            }
            ObjectNode token = tokens.addObject();
            ObjectNode generated = token.putObject("generatedToken");
            generated.put("token", text(run.piece(i)));
            logprob(generated, "logprob", run.logprob(i));
            token.putObject("position").put("start", charAt[offsets[i]]).put("end", charAt[offsets[i + 1]]);
            ObjectNode counterfactuals = token.putObject("counterfactuals");
            for (Alternative alt : run.alternatives(i)) {
                logprob(counterfactuals, text(alt.piece()), alt.logprob());
            }
        }
        return response;
    }

    /** A token as loom shows it; one that is not whole UTF-8 as OpenAI writes bytes, {@code bytes:\xe2\x80}. */
    static String text(Piece piece) {
        if (piece.isComplete()) {
            return piece.text();
        }
        StringBuilder out = new StringBuilder(BYTES_PREFIX);
        for (byte b : piece.bytes()) {
            out.append(String.format("\\x%02x", b & 0xff));
        }
        return out.toString();
    }

    private static void logprob(ObjectNode o, String field, double value) {
        if (Double.isFinite(value)) {
            o.put(field, value);
        } else {
            o.putNull(field); // JSON has no infinities; null is "not known" to loom as to weft
        }
    }

    private static boolean hasScores(TokenRun run) {
        for (int i = 0; i < run.size(); i++) {
            if (Double.isFinite(run.logprob(i))) {
                return true;
            }
        }
        return false;
    }

    static String id(NodeId id) {
        return ID_PREFIX + id.value();
    }
}
