package dev.weft.tui.layout;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import java.util.ArrayList;
import java.util.List;

/** Questions about a node's relatives that skip deleted nodes: siblings, roots, first child, preorder. */
public final class Family {
    private Family() {}

    /** The live children of the node's parent (or the live roots), the node included even if deleted. */
    public static List<NodeId> siblings(Loom loom, NodeId id) {
        Node n = loom.node(id);
        List<NodeId> out = n.parent() == null ? liveRoots(loom) : loom.liveChildren(n.parent());
        if (!out.contains(id)) {
            out = new ArrayList<>(out);
            out.add(id);
        }
        return out;
    }

    public static List<NodeId> liveRoots(Loom loom) {
        List<NodeId> out = new ArrayList<>();
        for (NodeId r : loom.roots()) {
            if (!loom.node(r).deleted()) {
                out.add(r);
            }
        }
        return out;
    }

    /** The sibling {@code step} places away, wrapping around. */
    public static NodeId sibling(Loom loom, NodeId id, int step) {
        List<NodeId> all = siblings(loom, id);
        int at = all.indexOf(id);
        return all.get(Math.floorMod(at + step, all.size()));
    }

    public static NodeId firstLiveChild(Loom loom, NodeId id) {
        List<NodeId> children = loom.liveChildren(id);
        return children.isEmpty() ? null : children.get(0);
    }

    /** Every visible node in tree order (depth first, children in creation order). */
    public static List<NodeId> preorder(Loom loom) {
        List<NodeId> out = new ArrayList<>();
        List<NodeId> stack = new ArrayList<>();
        List<NodeId> roots = liveRoots(loom);
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.add(roots.get(i));
        }
        while (!stack.isEmpty()) {
            NodeId id = stack.remove(stack.size() - 1);
            out.add(id);
            List<NodeId> children = loom.liveChildren(id);
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.add(children.get(i));
            }
        }
        return out;
    }
}
