package dev.weft.tui.update;

import dev.weft.analysis.Convergence;
import dev.weft.analysis.ReferenceConvergence;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.Areas;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.ConvergenceView;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.View;
import java.util.List;

/**
 * The convergence view: do the branches that leave a reference path end the way it does? The
 * reference is the path through the cursor, or the one {@code R} chose; every branch that leaves
 * it at any depth below the view's node gets its re-join distance and whether it reached the
 * reference's ending ({@link Convergence}, as {@code weft attractor} measures a perturbed run).
 * Pure: the figures come from the loom, no model call.
 */
final class ConvergenceKeys {
    /** Rows the view uses above the branches: heading and summary. */
    static final int HEADER_ROWS = 2;
    /** Rows per branch: its ending, then its figures. */
    static final int BRANCH_ROWS = 2;

    private ConvergenceKeys() {}

    /**
     * Opens the view at {@code at} (the node at the cursor) on the reference path: the one {@code R}
     * chose, else the path through {@code pathEnd} (the read view's path, or the selected node).
     */
    static void open(Step step, NodeId at, NodeId pathEnd) {
        Loom loom = step.state.loom();
        NodeId chosen = step.state.settings().experiments().reference();
        boolean usable = chosen != null && loom.contains(chosen) && !loom.isHidden(chosen);
        NodeId referenceOf = usable ? chosen : pathEnd;
        List<NodeId> path = ReferenceConvergence.pathThrough(loom, referenceOf);
        NodeId from = ReferenceConvergence.start(loom, path, at);
        String note = "";
        if (from == null && usable) {
            note = "the reference (R) is not above this node: using the path through the cursor · ";
            referenceOf = pathEnd;
            usable = false;
            path = ReferenceConvergence.pathThrough(loom, referenceOf);
            from = ReferenceConvergence.start(loom, path, at);
        }
        if (from == null) {
            step.info(note + "no branches leave this path: g with n > 1 samples some, i perturbs the text");
            return;
        }
        ReferenceConvergence figures = ReferenceConvergence.of(loom, path, from);
        step.state = step.state.withOverlay(new Overlay.Convergence(
                new ConvergenceView(figures, referenceOf, usable, figures.sharedByAll(loom), 0, 0)));
        if (!note.isEmpty()) {
            step.info(note.substring(0, note.length() - 3));
        }
    }

    /** R: the path through {@code node} becomes the reference of the convergence view. */
    static void setReference(Step step, NodeId node) {
        if (node == null) {
            step.info("the loom is empty: i writes a prompt");
            return;
        }
        step.state = step.state.withSettings(step.state.settings().withExperiments(
                step.state.settings().experiments().withReference(node)));
        List<NodeId> path = ReferenceConvergence.pathThrough(step.state.loom(), node);
        step.info("reference: the path to #" + path.get(path.size() - 1).value()
                + " · v measures every branch leaving it");
    }

    static void handle(Step step, Overlay.Convergence overlay, Action action) {
        if (action == null) {
            return;
        }
        ConvergenceView view = overlay.view();
        switch (action) {
            case CLOSE -> step.state = step.state.withOverlay(Overlay.NONE);
            case ROW_UP -> select(step, view, view.selected() - 1);
            case ROW_DOWN -> select(step, view, view.selected() + 1);
            case SET_REFERENCE -> {
                NodeId leaf = view.leaf(view.selected());
                if (step.state.loom().contains(leaf)) {
                    setReference(step, leaf);
                    open(step, view.from(), leaf);
                }
            }
            case OPEN -> {
                NodeId leaf = view.leaf(view.selected());
                if (!step.state.loom().contains(leaf) || step.state.loom().isHidden(leaf)) {
                    step.error("that branch is gone");
                    return;
                }
                int end = ReadPath.of(step.state.loom(), leaf).size() - 1;
                step.state = step.state.withOverlay(Overlay.NONE).withView(View.READ)
                        .withFocus(new Focus(leaf, Math.max(0, end)));
            }
            default -> { }
        }
    }

    /** How many rows fit on the screen. */
    static int visible(Step step) {
        return Math.max(1, (Areas.of(step.state.size()).bodyRows() - HEADER_ROWS) / BRANCH_ROWS);
    }

    private static void select(Step step, ConvergenceView view, int index) {
        int selected = Math.max(0, Math.min(view.rows() - 1, index));
        int visible = visible(step);
        int top = Math.max(Math.min(view.top(), selected), selected - visible + 1);
        step.state = step.state.withOverlay(new Overlay.Convergence(view.with(selected, top)));
    }
}
