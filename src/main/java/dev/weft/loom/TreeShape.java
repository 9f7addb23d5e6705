package dev.weft.loom;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pcollections.IntTreePMap;

/** The checks a stored tree must pass before it becomes a loom: a forest whose parents and children agree. */
final class TreeShape {
    private TreeShape() {}

    /** @throws IllegalArgumentException naming the first inconsistency */
    static void check(IntTreePMap<Node> map, List<NodeId> roots) {
        Set<NodeId> seen = new HashSet<>();
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
            if (!seen.add(id)) {
                throw new IllegalArgumentException("node " + id + " is reachable twice");
            }
            for (NodeId c : map.get(id.value()).children()) {
                Node child = map.get(c.value());
                if (child == null || !id.equals(child.parent())) {
                    throw new IllegalArgumentException("child " + c + " of " + id + " is missing or names another parent");
                }
                todo.push(c);
            }
        }
        if (seen.size() != map.size()) {
            throw new IllegalArgumentException((map.size() - seen.size()) + " nodes are not reachable from a root");
        }
    }
}
