package dev.weft.loom;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.BitSet;
import java.util.List;
import org.pcollections.IntTreePMap;

/** The checks a stored tree must pass before it becomes a loom: a forest whose parents and children agree. */
final class TreeShape {
    private TreeShape() {}

    /** @throws IllegalArgumentException naming the first inconsistency */
    static void check(IntTreePMap<Node> map, List<NodeId> roots) {
        BitSet seen = new BitSet(); // by id: a 100,000-node session is checked on every open
        Deque<NodeId> todo = new ArrayDeque<>();
        for (NodeId r : roots) {
            Node root = map.get(r.value());
            if (root == null || root.parent() != null) {
                throw new IllegalArgumentException("root " + r + " is missing or has a parent");
            }
            todo.push(r);
        }
        while (!todo.isEmpty()) {
            NodeId id = todo.pop();
            if (seen.get(id.value())) {
                throw new IllegalArgumentException("node " + id + " is reachable twice");
            }
            seen.set(id.value());
            for (NodeId c : map.get(id.value()).children()) {
                Node child = map.get(c.value());
                if (child == null || !id.equals(child.parent())) {
                    throw new IllegalArgumentException("child " + c + " of " + id + " is missing or names another parent");
                }
                todo.push(c);
            }
        }
        if (seen.cardinality() != map.size()) {
            throw new IllegalArgumentException((map.size() - seen.cardinality()) + " nodes are not reachable from a root");
        }
    }
}
