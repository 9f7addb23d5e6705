package dev.weft.tui.state;

import dev.weft.loom.NodeId;
import java.util.List;

/** One undoable delete or prune: the nodes it hid and where the user was before. */
public record Deletion(List<NodeId> nodes, Focus before) {
    public Deletion {
        nodes = List.copyOf(nodes);
    }
}
