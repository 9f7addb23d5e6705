package dev.weft.exchange;

import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.session.BackendUse;
import dev.weft.session.SessionException;
import dev.weft.session.SessionStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports a tree from another loom tool into a session. The format is recognised from the file's
 * content; the tree is recorded through the store like any exploration (prompts, then each node
 * appended under its parent, then bookmarks, deletions, tags, notes and unread markers, then where the tool's selection was),
 * so the new session has a journal and can be replayed, and replayed against a model.
 */
public final class TreeImport {
    /** The view setting the loom's tree view keeps its hoisted node in (tui SessionSettings). */
    static final String HOIST = "hoist";

    private TreeImport() {}

    /** Reads {@code file} in whichever of the supported formats it is. */
    public static ImportedTree read(Path file, Instant now) throws ImportException {
        ForeignJson json = ForeignJson.read(file);
        if (LogitloomImport.recognises(json)) {
            return LogitloomImport.read(json, now);
        }
        if (ExoloomImport.recognises(json)) {
            return ExoloomImport.read(json, now);
        }
        boolean loomTree = json.isObject() && (json.has("root") || json.has("text") && json.has("children"))
                || !json.isObject() && !json.isNull();
        if (!loomTree) {
            throw json.error("not a tree weft can import: expected a socketteer/loom tree (\"root\"), a logitloom"
                    + " tree (\"isLogitLoomTreeVersion\") or an Exoloom export (\"loomType\": \"Exoloom\")");
        }
        return LoomJsonImport.read(json, now);
    }

    /**
     * Records {@code tree} into {@code store} (a new, empty session) as one operation (one journal
     * write and sync for the whole tree); returns the new node ids, in tree order.
     */
    public static List<NodeId> record(ImportedTree tree, SessionStore store) throws SessionException {
        return store.inOneWrite(() -> recordEach(tree, store));
    }

    private static List<NodeId> recordEach(ImportedTree tree, SessionStore store) throws SessionException {
        Set<String> models = new LinkedHashSet<>();
        tree.nodes().stream().filter(n -> n.generation() != null).forEach(n -> models.add(n.generation().model()));
        for (String model : models) {
            store.recordBackend(new BackendUse(tree.format(), tree.format(), model));
        }
        List<NodeId> ids = new ArrayList<>();
        for (ImportedNode node : tree.nodes()) {
            LoomAction action = node.parent() < 0 ? new LoomAction.AddRoot(node.tokens())
                    : new LoomAction.Append(ids.get(node.parent()), node.tokens(), node.origin(), node.generation());
            ids.add(store.record(action).node());
        }
        for (int i = 0; i < ids.size(); i++) {
            if (tree.nodes().get(i).bookmarked()) {
                store.record(new LoomAction.Bookmark(ids.get(i), true));
            }
            if (tree.nodes().get(i).deleted()) {
                store.record(new LoomAction.Delete(ids.get(i)));
            }
            if (!tree.nodes().get(i).marks().isEmpty()) {
                store.record(new LoomAction.Mark(ids.get(i), tree.nodes().get(i).marks()));
            }
        }
        if (tree.selected() >= 0) {
            store.recordView(store.view().at(ids.get(tree.selected()), 0));
        }
        if (tree.hoist() >= 0) {
            store.recordView(store.view().withSetting(HOIST, Integer.toString(ids.get(tree.hoist()).value())));
        }
        return ids;
    }
}
