package dev.weft.replay;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * The corresponding nodes of two trees, found by position: the first roots are paired, then their
 * first children, and so on depth first. A replay against another model builds its tree with the
 * same steps in the same order, so positions correspond; where one tree has a node the other does
 * not (a skipped step), the pair has one side only, and so does everything below it.
 */
public final class NodePairs {
    private NodePairs() {}

    public static List<NodePair> of(Loom left, Loom right) {
        List<NodePair> out = new ArrayList<>();
        pairAll(left, left.roots(), right, right.roots(), 0, out);
        return out;
    }

    private static void pairAll(Loom left, List<NodeId> lefts, Loom right, List<NodeId> rights, int depth,
                                List<NodePair> out) {
        for (int i = 0; i < Math.max(lefts.size(), rights.size()); i++) {
            Node l = i < lefts.size() ? left.node(lefts.get(i)) : null;
            Node r = i < rights.size() ? right.node(rights.get(i)) : null;
            out.add(new NodePair(l, r, depth));
            pairAll(left, l == null ? List.of() : l.children(), right, r == null ? List.of() : r.children(), depth + 1,
                    out);
        }
    }
}
