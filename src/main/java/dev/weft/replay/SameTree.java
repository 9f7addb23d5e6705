package dev.weft.replay;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Equality of two looms down to every token's bits (a loom is a value but has no equals of its own). */
public final class SameTree {
    private SameTree() {}

    public static boolean of(Loom a, Loom b) {
        return a.nextId() == b.nextId() && a.roots().equals(b.roots()) && byId(a).equals(byId(b));
    }

    private static List<Node> byId(Loom loom) {
        List<Node> nodes = new ArrayList<>(loom.nodes());
        nodes.sort(Comparator.comparing(Node::id));
        return nodes;
    }
}
