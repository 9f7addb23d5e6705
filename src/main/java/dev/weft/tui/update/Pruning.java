package dev.weft.tui.update;

import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.tui.layout.Family;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Deletion;
import dev.weft.tui.state.Focus;
import java.util.ArrayList;
import java.util.List;

/** Deleting and pruning (both only hide nodes, journaled, and undoable with u), and bookmarks. */
final class Pruning {
    private Pruning() {}

    static void delete(Step step, NodeId id) {
        hide(step, List.of(id));
        step.info("deleted " + id + " and what grew from it · u undoes");
    }

    /** Deletes every other sibling of {@code id}, keeping this branch. */
    static void prune(Step step, NodeId id) {
        List<NodeId> others = new ArrayList<>(Family.siblings(step.state.loom(), id));
        others.remove(id);
        if (others.isEmpty()) {
            step.info("no siblings to prune");
            return;
        }
        hide(step, others);
        step.info("pruned " + others.size() + (others.size() == 1 ? " sibling" : " siblings") + " · u undoes");
    }

    static void undo(Step step) {
        List<Deletion> undo = step.state.undo();
        if (undo.isEmpty()) {
            step.info("nothing to undo");
            return;
        }
        Deletion last = undo.get(undo.size() - 1);
        for (NodeId id : last.nodes()) {
            step.apply(new LoomAction.Undelete(id));
        }
        step.state = step.state.withUndo(undo.subList(0, undo.size() - 1)).withFocus(last.before());
        step.info("restored " + last.nodes().size() + (last.nodes().size() == 1 ? " branch" : " branches"));
    }

    static void toggleBookmark(Step step, NodeId id) {
        boolean on = !step.state.loom().node(id).bookmarked();
        step.apply(new LoomAction.Bookmark(id, on));
        step.info(on ? "bookmarked " + id + " · B jumps between bookmarks" : "bookmark removed from " + id);
    }

    /** The next bookmarked node after {@code from} in tree order, wrapping; null when there is none. */
    static NodeId nextBookmark(Loom loom, NodeId from) {
        List<NodeId> order = Family.preorder(loom);
        int start = from == null ? -1 : order.indexOf(from);
        for (int i = 1; i <= order.size(); i++) {
            NodeId id = order.get(Math.floorMod(start + i, order.size()));
            if (loom.node(id).bookmarked()) {
                return id;
            }
        }
        return null;
    }

    /** Hides {@code ids} as one undoable step (u brings them back). */
    static void hide(Step step, List<NodeId> ids) {
        Focus before = step.state.focus();
        for (NodeId id : ids) {
            step.apply(new LoomAction.Delete(id));
        }
        List<Deletion> undo = new ArrayList<>(step.state.undo());
        undo.add(new Deletion(ids, before));
        step.state = step.state.withUndo(undo);
        Loom loom = step.state.loom();
        if (before.current() != null && loom.isHidden(before.current())) {
            step.state = step.state.withFocus(survivor(loom, before.current()));
        }
    }

    /** Where to stand when the current node was hidden: its deepest visible ancestor, or another tree. */
    private static Focus survivor(Loom loom, NodeId hidden) {
        NodeId keep = null;
        for (Node n : loom.path(hidden)) {
            if (n.deleted()) {
                break;
            }
            keep = n.id();
        }
        if (keep == null) {
            List<NodeId> roots = Family.liveRoots(loom);
            keep = roots.isEmpty() ? null : roots.get(roots.size() - 1);
        }
        return keep == null ? Focus.NONE : new Focus(keep, Math.max(0, ReadPath.of(loom, keep).size() - 1));
    }
}
