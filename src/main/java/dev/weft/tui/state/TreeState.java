package dev.weft.tui.state;

import dev.weft.loom.NodeId;
import org.pcollections.HashTreePSet;
import org.pcollections.PSet;

/**
 * The tree view: the selected row, folded nodes, the hoisted subtree (shown as if it were the
 * whole loom; null = whole loom), and the first row on screen.
 */
public record TreeState(NodeId selected, PSet<NodeId> collapsed, NodeId hoist, int top) {
    public static final TreeState INITIAL = new TreeState(null, HashTreePSet.empty(), null, 0);

    public TreeState withSelected(NodeId id) {
        return new TreeState(id, collapsed, hoist, top);
    }

    public TreeState withCollapsed(PSet<NodeId> c) {
        return new TreeState(selected, c, hoist, top);
    }

    public TreeState withHoist(NodeId h) {
        return new TreeState(selected, collapsed, h, top);
    }

    public TreeState withTop(int t) {
        return new TreeState(selected, collapsed, hoist, t);
    }
}
