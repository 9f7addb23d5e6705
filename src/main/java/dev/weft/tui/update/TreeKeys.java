package dev.weft.tui.update;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.Areas;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.layout.TreeRows;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.TreeState;
import dev.weft.tui.state.View;
import org.pcollections.PSet;

/** The tree view: move among rows, fold, hoist, open a node in the read view. */
final class TreeKeys {
    private TreeKeys() {}

    /** Opens the tree view with the current node selected and its ancestors unfolded. */
    static void enter(Step step) {
        NodeId current = step.state.focus().current();
        TreeState tree = step.state.tree();
        if (current != null) {
            tree = reveal(step.state.loom(), tree, current).withSelected(current);
        }
        step.state = step.state.withTree(tree).withView(View.TREE);
    }

    /** Handles a tree-only action; false when {@code action} is not one. */
    static boolean handle(Step step, Action action) {
        TreeState tree = step.state.tree();
        TreeRows rows = rows(step);
        int at = Math.max(0, rows.indexOf(tree.selected()));
        if (rows.size() == 0) {
            return isTreeAction(action);
        }
        int page = Math.max(1, Areas.of(step.state.size()).bodyRows() - 1);
        switch (action) {
            case ROW_UP -> select(step, rows, at - 1);
            case ROW_DOWN -> select(step, rows, at + 1);
            case PAGE_UP -> select(step, rows, at - page);
            case PAGE_DOWN -> select(step, rows, at + page);
            case FIRST_ROW -> select(step, rows, 0);
            case LAST_ROW -> select(step, rows, rows.size() - 1);
            case COLLAPSE -> {
                TreeRows.Row row = rows.rows().get(at);
                if (row.hasChildren() && !row.collapsed()) {
                    fold(step, row.id(), true);
                } else if (row.parentRow() >= 0) {
                    select(step, rows, row.parentRow());
                }
            }
            case EXPAND -> {
                TreeRows.Row row = rows.rows().get(at);
                if (row.collapsed()) {
                    fold(step, row.id(), false);
                } else if (row.hasChildren()) {
                    select(step, rows, at + 1);
                }
            }
            case TOGGLE_FOLD -> {
                TreeRows.Row row = rows.rows().get(at);
                if (row.hasChildren()) {
                    fold(step, row.id(), !row.collapsed());
                }
            }
            case OPEN -> open(step, rows.rows().get(at).id());
            case HOIST -> hoist(step, rows.rows().get(at).id());
            case UNHOIST -> {
                step.state = step.state.withTree(tree.withHoist(null));
                step.info("whole tree");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean isTreeAction(Action a) {
        return switch (a) {
            case ROW_UP, ROW_DOWN, PAGE_UP, PAGE_DOWN, FIRST_ROW, LAST_ROW, COLLAPSE, EXPAND, TOGGLE_FOLD,
                    OPEN, HOIST, UNHOIST -> true;
            default -> false;
        };
    }

    static TreeRows rows(Step step) {
        TreeState t = step.state.tree();
        return TreeRows.of(step.state.loom(), t.collapsed(), t.hoist());
    }

    /**
     * Selects a node in the tree, unfolding its ancestors and leaving a hoist that hides it; returns
     * the hoist it lifted (callers say so after their own message), or null.
     */
    static NodeId selectNode(Step step, NodeId id) {
        TreeState tree = step.state.tree();
        NodeId lifted = null;
        if (tree.hoist() != null && !step.state.loom().path(id).stream().map(Node::id).toList().contains(tree.hoist())) {
            lifted = tree.hoist();
            tree = tree.withHoist(null);
        }
        step.state = step.state.withTree(reveal(step.state.loom(), tree, id).withSelected(id));
        return lifted;
    }

    /** The message after a jump, with what became of the hoist. */
    static String lifted(String message, NodeId lifted) {
        return lifted == null ? message : message + " · hoist of " + lifted + " lifted: the node is outside it";
    }

    private static void select(Step step, TreeRows rows, int row) {
        int clamped = Math.max(0, Math.min(rows.size() - 1, row));
        step.state = step.state.withTree(step.state.tree().withSelected(rows.rows().get(clamped).id()));
    }

    private static void fold(Step step, NodeId id, boolean fold) {
        PSet<NodeId> c = step.state.tree().collapsed();
        step.state = step.state.withTree(step.state.tree().withCollapsed(fold ? c.plus(id) : c.minus(id)));
    }

    /** Makes {@code id} the current node, cursor at its first token, and shows the read view. */
    static void open(Step step, NodeId id) {
        int start = ReadPath.of(step.state.loom(), id).size() - step.state.loom().node(id).tokens().size();
        step.state = step.state.withFocus(new Focus(id, start)).withView(View.READ);
    }

    private static void hoist(Step step, NodeId id) {
        step.state = step.state.withTree(step.state.tree().withHoist(id).withSelected(id).withTop(0));
        step.info("hoisted " + id + " · U shows the whole tree");
    }

    /** The tree with every ancestor of {@code id} unfolded. */
    private static TreeState reveal(Loom loom, TreeState tree, NodeId id) {
        PSet<NodeId> c = tree.collapsed();
        for (Node n : loom.path(id)) {
            if (!n.id().equals(id)) {
                c = c.minus(n.id());
            }
        }
        return c == tree.collapsed() ? tree : tree.withCollapsed(c);
    }
}
