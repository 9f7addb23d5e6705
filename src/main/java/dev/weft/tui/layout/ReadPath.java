package dev.weft.tui.layout;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import java.util.List;

/**
 * The nodes from a root to the current node with their tokens numbered in one sequence, so
 * the token cursor is one index. Built once per (loom, current node): both are immutable, so
 * the last path is kept and reused while neither changes.
 */
public final class ReadPath {
    private static final ReadPath EMPTY = new ReadPath(null, null, List.of());
    private static volatile ReadPath last = EMPTY;

    private final Loom loom;
    private final NodeId current;
    private final List<Node> nodes;
    /** starts[k] is the path index of node k's first token; starts[nodes] is the token count. */
    private final int[] starts;

    private ReadPath(Loom loom, NodeId current, List<Node> nodes) {
        this.loom = loom;
        this.current = current;
        this.nodes = nodes;
        this.starts = new int[nodes.size() + 1];
        for (int k = 0; k < nodes.size(); k++) {
            starts[k + 1] = starts[k] + nodes.get(k).tokens().size();
        }
    }

    public static ReadPath of(Loom loom, NodeId current) {
        if (current == null) {
            return EMPTY;
        }
        ReadPath cached = last;
        if (cached.loom == loom && current.equals(cached.current)) {
            return cached;
        }
        ReadPath fresh = new ReadPath(loom, current, loom.path(current));
        last = fresh;
        return fresh;
    }

    public int size() {
        return starts[nodes.size()];
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    public int nodeCount() {
        return nodes.size();
    }

    public Node node(int k) {
        return nodes.get(k);
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Path index of node k's first token. */
    public int start(int k) {
        return starts[k];
    }

    /** The position (into {@link #nodes()}) of the node holding token {@code token}; empty nodes hold none. */
    public int nodeAt(int token) {
        int lo = 0;
        int hi = nodes.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= token) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The position of node {@code id} on this path, or -1. */
    public int indexOf(NodeId id) {
        for (int k = 0; k < nodes.size(); k++) {
            if (nodes.get(k).id().equals(id)) {
                return k;
            }
        }
        return -1;
    }

    /** A cursor kept on a token: within 0..size-1 (0 when the path has no tokens). */
    public int clamp(int cursor) {
        return Math.max(0, Math.min(cursor, size() - 1));
    }
}
