package dev.weft.replay;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;

/** A tree's shape as text (origins, marks, children, depth first): trees explored alike have the same shape. */
public final class TreeShape {
    private TreeShape() {}

    public static String of(Loom loom) {
        StringBuilder out = new StringBuilder();
        for (NodeId root : loom.roots()) {
            append(loom, root, out);
        }
        return out.toString();
    }

    private static void append(Loom loom, NodeId id, StringBuilder out) {
        Node node = loom.node(id);
        out.append(node.origin().label()).append(node.bookmarked() ? "*" : "").append(node.deleted() ? "-" : "")
                .append('(');
        for (NodeId child : node.children()) {
            append(loom, child, out);
        }
        out.append(')');
    }
}
