package dev.weft.tui.layout;

import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final Loom loom;
    private final Set<NodeId> collapsed;
    private final NodeId hoist;
    private final List<Row> rows = new ArrayList<>();
    private final Map<NodeId, Integer> index = new HashMap<>();

    private TreeRows(Loom loom, Set<NodeId> collapsed, NodeId hoist) {
        this.loom = loom;
        this.collapsed = collapsed;
        this.hoist = hoist;
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
            int row = rows.size();
            rows.add(new Row(p.id(), p.depth(), p.parentRow(), p.last(), !children.isEmpty(), folded));
            index.put(p.id(), row);
            if (!folded) {
                for (int i = children.size() - 1; i >= 0; i--) {
                    stack.add(new Pending(children.get(i), p.depth() + 1, row, i == children.size() - 1));
                }
            }
        }
    }

    public List<Row> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    /** The row showing {@code id}, or -1 when it is not visible. */
    public int indexOf(NodeId id) {
        Integer i = id == null ? null : index.get(id);
        return i == null ? -1 : i;
    }

    /**
     * The guide lines before a row's marker: "│ " for an ancestor with siblings still to come,
     * "  " otherwise, then "├─" or "└─". At most {@code maxDepth} levels are drawn; deeper rows
     * start with "⋯" so the text keeps some room.
     */
    public String guides(int row, int maxDepth) {
        Row r = rows.get(row);
        if (r.depth() == 0) {
            return "";
        }
        int shown = Math.min(r.depth(), Math.max(1, maxDepth));
        String[] parts = new String[shown];
        parts[shown - 1] = r.last() ? "└─" : "├─";
        int at = r.parentRow();
        for (int level = shown - 2; level >= 0; level--) {
            Row ancestor = rows.get(at);
            parts[level] = ancestor.last() ? "  " : "│ ";
            at = ancestor.parentRow();
        }
        return (shown < r.depth() ? "⋯" : "") + String.join("", parts);
    }
}
