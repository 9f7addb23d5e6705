package dev.weft.tui.layout;

import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The tree view's rows: visible nodes depth first, skipping deleted subtrees and the children
 * of folded nodes, from the hoisted node or from every root. Guides are drawn per visible row
 * from each row's ancestors, so a tree of 100,000 nodes costs one walk, not 100,000 strings;
 * the last walk is kept while the loom, folds and hoist stay the same.
 */
public final class TreeRows {
    /** One row: its node, depth below the shown root, its parent's row (-1 for a root), whether it is the last child. */
    public record Row(NodeId id, int depth, int parentRow, boolean last, boolean hasChildren, boolean collapsed) {}

    private static volatile TreeRows lastBuilt;

    private static final byte LAST = 1;
    private static final byte HAS_CHILDREN = 2;
    private static final byte COLLAPSED = 4;

    private final Loom loom;
    private final Set<NodeId> collapsed;
    private final NodeId hoist;
    /*
     * The rows as parallel arrays, not an object per row and a map from node to row: the tree view
     * of a 100,000-node session keeps these while it is open, and a young collection copies every
     * one of its objects (a record and a map entry per row were ~10 MB; these are ~1.7 MB in 6 arrays).
     */
    private NodeId[] ids = new NodeId[16];
    private int[] depths = new int[16];
    private int[] parents = new int[16];
    private byte[] flags = new byte[16];
    private int size;
    /** The row of each node by its id's number (-1: not shown). */
    private int[] rowOfId = new int[16];
    private final List<Row> rowList = new java.util.AbstractList<>() {
        @Override
        public Row get(int i) {
            return row(i);
        }

        @Override
        public int size() {
            return size;
        }
    };

    private TreeRows(Loom loom, Set<NodeId> collapsed, NodeId hoist) {
        this.loom = loom;
        this.collapsed = collapsed;
        this.hoist = hoist;
        java.util.Arrays.fill(rowOfId, -1);
        build();
    }

    /** @param hoist the node shown as the only root, or null for the whole loom */
    public static TreeRows of(Loom loom, Set<NodeId> collapsed, NodeId hoist) {
        TreeRows cached = lastBuilt;
        if (cached != null && cached.loom == loom && cached.collapsed == collapsed && Objects.equals(cached.hoist, hoist)) {
            return cached;
        }
        TreeRows fresh = new TreeRows(loom, collapsed, hoist);
        lastBuilt = fresh;
        return fresh;
    }

    private record Pending(NodeId id, int depth, int parentRow, boolean last) {}

    private void build() {
        List<NodeId> tops = new ArrayList<>();
        if (hoist != null && loom.contains(hoist) && !loom.isHidden(hoist)) {
            tops.add(hoist);
        } else {
            for (NodeId r : loom.roots()) {
                if (!loom.node(r).deleted()) {
                    tops.add(r);
                }
            }
        }
        List<Pending> stack = new ArrayList<>();
        for (int i = tops.size() - 1; i >= 0; i--) {
            stack.add(new Pending(tops.get(i), 0, -1, i == tops.size() - 1));
        }
        while (!stack.isEmpty()) {
            Pending p = stack.remove(stack.size() - 1);
            List<NodeId> children = loom.liveChildren(p.id());
            boolean folded = collapsed.contains(p.id()) && !children.isEmpty();
            int row = add(p.id(), p.depth(), p.parentRow(),
                    (byte) ((p.last() ? LAST : 0) | (children.isEmpty() ? 0 : HAS_CHILDREN) | (folded ? COLLAPSED : 0)));
            if (!folded) {
                for (int i = children.size() - 1; i >= 0; i--) {
                    stack.add(new Pending(children.get(i), p.depth() + 1, row, i == children.size() - 1));
                }
            }
        }
    }

    private int add(NodeId id, int depth, int parentRow, byte flag) {
        if (size == ids.length) {
            int n = size * 2;
            ids = java.util.Arrays.copyOf(ids, n);
            depths = java.util.Arrays.copyOf(depths, n);
            parents = java.util.Arrays.copyOf(parents, n);
            flags = java.util.Arrays.copyOf(flags, n);
        }
        ids[size] = id;
        depths[size] = depth;
        parents[size] = parentRow;
        flags[size] = flag;
        int number = id.value();
        if (number >= rowOfId.length) {
            int old = rowOfId.length;
            rowOfId = java.util.Arrays.copyOf(rowOfId, Math.max(number + 1, old * 2));
            java.util.Arrays.fill(rowOfId, old, rowOfId.length, -1);
        }
        rowOfId[number] = size;
        return size++;
    }

    /** The rows, top to bottom (each {@link Row} made when asked for). */
    public List<Row> rows() {
        return rowList;
    }

    /** Row {@code i}, 0 at the top. */
    public Row row(int i) {
        Objects.checkIndex(i, size);
        return new Row(ids[i], depths[i], parents[i], (flags[i] & LAST) != 0, (flags[i] & HAS_CHILDREN) != 0,
                (flags[i] & COLLAPSED) != 0);
    }

    /** The node shown on row {@code i}. */
    public NodeId id(int i) {
        Objects.checkIndex(i, size);
        return ids[i];
    }

    public int size() {
        return size;
    }

    /** The row showing {@code id}, or -1 when it is not visible. */
    public int indexOf(NodeId id) {
        if (id == null || id.value() >= rowOfId.length) {
            return -1;
        }
        int row = rowOfId[id.value()];
        return row >= 0 && ids[row].equals(id) ? row : -1;
    }

    /**
     * The guide lines before a row's marker: "│ " for an ancestor with siblings still to come,
     * "  " otherwise, then "├─" or "└─". At most {@code maxDepth} levels are drawn; deeper rows
     * start with "⋯" so the text keeps some room.
     */
    public String guides(int row, int maxDepth) {
        Objects.checkIndex(row, size);
        int depth = depths[row];
        if (depth == 0) {
            return "";
        }
        int shown = Math.min(depth, Math.max(1, maxDepth));
        String[] parts = new String[shown];
        parts[shown - 1] = (flags[row] & LAST) != 0 ? "└─" : "├─";
        int at = parents[row];
        for (int level = shown - 2; level >= 0; level--) {
            parts[level] = (flags[at] & LAST) != 0 ? "  " : "│ ";
            at = parents[at];
        }
        return (shown < depth ? "⋯" : "") + String.join("", parts);
    }
}
