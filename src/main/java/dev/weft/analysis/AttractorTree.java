package dev.weft.analysis;

import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import java.util.ArrayList;
import java.util.List;

/**
 * An attractor experiment as loom actions, so it can be recorded in a session and walked later:
 * a new root with the prompt, the original completion under it, and at each perturbation a swap
 * or edit branch (marked as such, like the essay's white background) with its regeneration below.
 */
public final class AttractorTree {
    /** Index of the action that adds the original completion (after the one that adds the root). */
    public static final int ORIGINAL_COMPLETION = 1;

    private AttractorTree() {}

    /**
     * The actions, in order, that add the experiment to {@code loom}: the root, the original
     * completion, then for each perturbed run its branch and its regeneration. Ids are the loom's
     * next ids, so recording these actions on a store holding this same loom gives the same nodes.
     *
     * @param original    how the original completion was generated
     * @param regenerated how each perturbed run was generated
     */
    public static List<LoomAction> actions(Loom loom, String prompt, AttractorReport report, Generation original,
                                           Generation regenerated) {
        List<LoomAction> actions = new ArrayList<>();
        Recorder recorder = new Recorder(loom, actions);
        NodeId root = recorder.apply(new LoomAction.AddRoot(TokenRun.unscored(prompt)));
        NodeId completion = recorder.apply(new LoomAction.Append(root, report.original().run(), Origin.MODEL,
                original.finished(report.original().finish())));
        for (PerturbedRun run : report.runs()) {
            Position position = locate(recorder.loom, completion, run.perturbation().at());
            NodeId branch = recorder.apply(branchAction(recorder.loom, position, run.perturbation()));
            recorder.apply(new LoomAction.Append(branch, run.regenerated().run(), Origin.MODEL,
                    regenerated.finished(run.regenerated().finish())));
        }
        return actions;
    }

    private static LoomAction branchAction(Loom loom, Position at, Perturbation perturbation) {
        Node node = loom.node(at.node);
        int start = TokenOffsets.charStarts(node.tokens())[at.index];
        if (perturbation instanceof Perturbation.Swap swap) {
            return new LoomAction.Swap(at.node, at.index, swap.alternative());
        }
        if (perturbation instanceof Perturbation.Insert insert) {
            return new LoomAction.Perturb(at.node, start, start, insert.phrase(), false);
        }
        Perturbation.Edit edit = (Perturbation.Edit) perturbation; // the interface is sealed: the last kind
        return new LoomAction.Perturb(at.node, start, node.text().length(), edit.replacement(), false);
    }

    /** A token of the original completion: the node holding it now (branches split the completion) and its index. */
    private record Position(NodeId node, int index) {}

    private static Position locate(Loom loom, NodeId completion, int token) {
        NodeId node = completion;
        int index = token;
        while (index >= loom.node(node).tokens().size()) {
            NodeId next = continuation(loom, node);
            if (next == null) {
                break; // at the very end of the completion
            }
            index -= loom.node(node).tokens().size();
            node = next;
        }
        return new Position(node, index);
    }

    /** The rest of the completion after a split: the one model child (branches are swaps and edits). */
    private static NodeId continuation(Loom loom, NodeId node) {
        for (NodeId child : loom.node(node).children()) {
            if (loom.node(child).origin() == Origin.MODEL) {
                return child;
            }
        }
        return null;
    }

    /** Applies actions to a local copy of the loom to learn the ids they create. */
    private static final class Recorder {
        private Loom loom;
        private final List<LoomAction> actions;

        Recorder(Loom loom, List<LoomAction> actions) {
            this.loom = loom;
            this.actions = actions;
        }

        NodeId apply(LoomAction action) {
            Loom.Result result = action.apply(loom);
            loom = result.loom();
            actions.add(action);
            return result.node();
        }
    }
}
