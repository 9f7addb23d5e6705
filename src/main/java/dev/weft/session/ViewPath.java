package dev.weft.session;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes a reopened session shows first: the read view's path, from the node it ends at up to
 * its root. The file holds them before every other node (weft-session(5)), so a big session's
 * first screen needs only the start of the file.
 */
final class ViewPath {
    /** The view setting naming the node the read view's path ends at (the TUI's focus writes it). */
    static final String PATH_END = "path-end";

    private ViewPath() {}

    /** The path's nodes, its end first and its root last; empty when the view names no node of {@code loom}. */
    static List<Node> of(Loom loom, SessionView view) {
        NodeId current = view.current();
        if (current == null || !loom.contains(current)) {
            return List.of();
        }
        NodeId end = end(view);
        List<Node> up = end != null && loom.contains(end) ? upFrom(loom, end) : List.of();
        for (Node n : up) {
            if (n.id().equals(current)) {
                return up;
            }
        }
        return upFrom(loom, current); // a path end that no longer lies below the current node
    }

    /** The node named as the path's end, or null when the view names none (or not a node id). */
    static NodeId end(SessionView view) {
        String text = view.settings().get(PATH_END);
        try {
            return text == null ? null : new NodeId(Integer.parseInt(text));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Node> upFrom(Loom loom, NodeId id) {
        List<Node> up = new ArrayList<>();
        for (NodeId at = id; at != null; at = loom.node(at).parent()) {
            up.add(loom.node(at));
        }
        return up;
    }
}
