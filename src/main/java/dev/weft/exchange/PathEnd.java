package dev.weft.exchange;

import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.session.Session;
import java.util.Optional;

/** Where "the current path" of a session ends: the node asked for, else the node the view is at. */
public final class PathEnd {
    private PathEnd() {}

    /**
     * @param asked a node the user named, or null
     * @return empty when the tree is empty
     * @throws IllegalArgumentException when {@code asked} is not in the tree
     */
    public static Optional<NodeId> of(Session session, NodeId asked) {
        Loom loom = session.loom();
        if (asked != null) {
            if (!loom.contains(asked)) {
                throw new IllegalArgumentException("no node " + asked + " in the session");
            }
            return Optional.of(asked);
        }
        NodeId current = session.view().current();
        if (current != null && loom.contains(current)) {
            return Optional.of(current);
        }
        return loom.roots().isEmpty() ? Optional.empty() : Optional.of(loom.roots().get(0));
    }
}
