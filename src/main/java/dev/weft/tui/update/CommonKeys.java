package dev.weft.tui.update;

import dev.weft.loom.NodeId;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.View;

/** Actions that mean the same in every view, applied to the view's node (under the cursor, or selected). */
final class CommonKeys {
    private CommonKeys() {}

    /** Handles a shared action on {@code target} (null when there is no node); false when it is not one. */
    static boolean handle(Step step, Action action, NodeId target) {
        switch (action) {
            case HELP -> step.state = step.state.withOverlay(new Overlay.Help(0));
            case COMMAND_LINE -> CommandLineKeys.open(step);
            case MODEL_PICKER -> ModelPickerKeys.open(step);
            case YANK -> Yanking.copy(step, target == null ? null : pathEnd(step, target));
            case QUIT -> Commands.quit(step);
            case SUSPEND -> step.effect(new Effect.Suspend());
            case BACK -> step.state = step.state.withView(View.READ);
            case SEARCH -> Searching.open(step);
            case CONVERGENCE_VIEW -> {
                if (target != null) {
                    ConvergenceKeys.open(step, target, pathEnd(step, target));
                }
            }
            case SET_REFERENCE -> ConvergenceKeys.setReference(step, target == null ? null : pathEnd(step, target));
            case SEARCH_NEXT -> Searching.step(step, 1);
            case SEARCH_PREV -> Searching.step(step, -1);
            case UNDO -> Pruning.undo(step);
            case CANCEL -> {
                if (!Generations.cancelAll(step)) {
                    step.info("nothing to cancel · q quits (your work is saved as you go)");
                }
            }
            case NEXT_BOOKMARK -> nextBookmark(step);
            case NEXT_UNREAD -> Marking.nextUnread(step);
            case TAG -> CommandLineKeys.open(step, "tag ");
            case BOOKMARK, DELETE, PRUNE, GENERATE -> {
                if (target == null) {
                    step.info("the loom is empty: i writes a prompt");
                } else if (action == Action.BOOKMARK) {
                    Pruning.toggleBookmark(step, target);
                } else if (action == Action.DELETE) {
                    Pruning.delete(step, target);
                } else if (action == Action.PRUNE) {
                    Pruning.prune(step, target);
                } else {
                    Generations.start(step, target);
                }
            }
            default -> {
                return SamplingKeys.handle(step, action);
            }
        }
        return true;
    }

    /** The end of the path through {@code target} the view shows: the read view's path, else the node. */
    private static NodeId pathEnd(Step step, NodeId target) {
        return step.state.view() == View.READ && step.state.focus().current() != null ? step.state.focus().current()
                : target;
    }

    private static void nextBookmark(Step step) {
        NodeId from = step.state.view() == View.TREE ? step.state.tree().selected() : step.state.focus().current();
        NodeId next = Pruning.nextBookmark(step.state.loom(), from);
        if (next == null) {
            step.info("no bookmarks: b bookmarks a node");
            return;
        }
        NodeId lifted = null;
        if (step.state.view() == View.TREE) {
            lifted = TreeKeys.selectNode(step, next);
        } else {
            int start = ReadPath.of(step.state.loom(), next).size() - step.state.loom().node(next).tokens().size();
            step.state = step.state.withFocus(new Focus(next, start));
        }
        step.info(TreeKeys.lifted("bookmark " + next, lifted));
    }
}
