package dev.weft.tui.update;

import dev.weft.analysis.Convergence;
import dev.weft.analysis.Ending;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.loom.TokenRun;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.Areas;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.ConvergenceView;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.View;
import java.util.ArrayList;
import java.util.List;

/**
 * The convergence view: do the branches under a node end the same way? The first child is the
 * reference; each other branch gets its re-join distance and whether it reached the reference's
 * ending ({@link Convergence}, as {@code weft attractor} measures a perturbed run). Pure: the
 * figures come from the loom, no model call.
 */
final class ConvergenceKeys {
    /** Rows the view uses besides the branches: heading and the shared tail above, the summary below. */
    static final int HEADER_ROWS = 3;
    /** Rows per branch: its ending, then its figures. */
    static final int BRANCH_ROWS = 2;

    private ConvergenceKeys() {}

    /** Opens the view over the children of {@code at}, or of its nearest ancestor with two children or more. */
    static void open(Step step, NodeId at) {
        Loom loom = step.state.loom();
        NodeId parent = at;
        while (parent != null && loom.liveChildren(parent).size() < 2) {
            parent = loom.node(parent).parent();
        }
        if (parent == null) {
            step.info("no branches here: convergence compares the children of a node (g with n > 1, or i to perturb)");
            return;
        }
        step.state = step.state.withOverlay(new Overlay.Convergence(of(loom, parent)));
    }

    /** The view's figures for the children of {@code parent}. */
    static ConvergenceView of(Loom loom, NodeId parent) {
        List<List<NodeId>> chains = new ArrayList<>();
        List<TokenRun> runs = new ArrayList<>();
        for (NodeId child : loom.liveChildren(parent)) {
            List<NodeId> chain = new ArrayList<>();
            TokenRun run = TokenRun.EMPTY;
            for (NodeId n = child; n != null; ) {
                chain.add(n);
                run = run.append(loom.node(n).tokens());
                List<NodeId> next = loom.liveChildren(n);
                n = next.isEmpty() ? null : next.get(0);
            }
            chains.add(chain);
            runs.add(run);
        }
        TokenRun reference = runs.get(0);
        Ending.Located ending = new Ending.LastSentence().locate(reference);
        String all = reference.text();
        List<ConvergenceView.Branch> branches = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String text = runs.get(i).text();
            all = all.substring(all.length() - commonSuffix(all, text));
            Convergence c = i == 0 ? null : Convergence.measure(reference, 0, "", runs.get(i), ending);
            branches.add(new ConvergenceView.Branch(chains.get(i), c, commonSuffix(reference.text(), text)));
        }
        // the reference shares with the others what the closest of them shares with it
        int best = 0;
        for (int i = 1; i < branches.size(); i++) {
            best = Math.max(best, branches.get(i).shared());
        }
        branches.set(0, new ConvergenceView.Branch(chains.get(0), null, best));
        return new ConvergenceView(parent, ending.rule(), ending.text(), branches, all, 0, 0);
    }

    static int commonSuffix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        if (n > 0 && n < a.length() && Character.isLowSurrogate(a.charAt(a.length() - n))) {
            n--; // never half a character
        }
        return n;
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
            case OPEN -> {
                NodeId leaf = view.branches().get(view.selected()).leaf();
                if (!step.state.loom().contains(leaf)) {
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

    /** How many branches fit on the screen. */
    static int visible(Step step) {
        return Math.max(1, (Areas.of(step.state.size()).bodyRows() - HEADER_ROWS) / BRANCH_ROWS);
    }

    private static void select(Step step, ConvergenceView view, int index) {
        int selected = Math.max(0, Math.min(view.branches().size() - 1, index));
        int visible = visible(step);
        int top = Math.max(Math.min(view.top(), selected), selected - visible + 1);
        step.state = step.state.withOverlay(new Overlay.Convergence(view.with(selected, top)));
    }
}
