package dev.weft.tui.update;

import dev.weft.loom.Node;
import dev.weft.replay.ContinuationFigures;
import dev.weft.replay.NodePair;
import dev.weft.replay.NodePairs;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.CompareFileView;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Request;
import dev.weft.tui.state.View;

/**
 * The compared-sessions view: read another session file (off the UI thread), pair its nodes with
 * this session's by position, move between the pairs, and open this session's node of a pair.
 */
final class CompareFileKeys {
    /** Pairs a page key moves. */
    static final int PAGE = 5;

    private CompareFileKeys() {}

    static void open(Step step, String path) {
        long id = step.newRequest();
        step.state = step.state.withRequests(step.state.requests().plus(id, new Request.ReadingCompareFile()))
                .withOverlay(new Overlay.CompareFile(CompareFileView.reading(id, path)));
        step.effect(new Effect.ReadCompareFile(id, path));
    }

    static void read(Step step, Msg.CompareFileRead msg) {
        if (step.state.requests().get(msg.request()) == null) {
            return;
        }
        step.state = step.state.withRequests(step.state.requests().minus(msg.request()));
        if (!(step.state.overlay() instanceof Overlay.CompareFile c) || c.view().request() != msg.request()) {
            return;
        }
        if (msg.loom() == null) {
            step.state = step.state.withOverlay(Overlay.NONE);
            step.error("compare-file: " + msg.failure());
            return;
        }
        var pairs = NodePairs.of(step.state.loom(), msg.loom());
        step.state = step.state.withOverlay(new Overlay.CompareFile(c.view().arrived(msg.name(), pairs,
                ContinuationFigures.of(step.state.loom()), ContinuationFigures.of(msg.loom()))));
        long unmatched = pairs.stream().filter(p -> p.left() == null || p.right() == null).count();
        step.info(pairs.size() + " places · " + unmatched + " without a counterpart");
    }

    static void handle(Step step, Overlay.CompareFile overlay, Action action) {
        if (action == null) {
            return;
        }
        CompareFileView view = overlay.view();
        if (action == Action.CLOSE) {
            if (view.request() != 0) {
                step.state = step.state.withRequests(step.state.requests().minus(view.request()));
            }
            step.state = step.state.withOverlay(Overlay.NONE);
            return;
        }
        if (view.pairs() == null || view.pairs().isEmpty()) {
            return;
        }
        int last = view.pairs().size() - 1;
        switch (action) {
            case ROW_UP -> select(step, view, view.selected() - 1);
            case ROW_DOWN -> select(step, view, view.selected() + 1);
            case PAGE_UP -> select(step, view, view.selected() - PAGE);
            case PAGE_DOWN -> select(step, view, view.selected() + PAGE);
            case FIRST_ROW -> select(step, view, 0);
            case LAST_ROW -> select(step, view, last);
            case OPEN -> openLeft(step, view.pairs().get(view.selected()));
            default -> { }
        }
    }

    private static void select(Step step, CompareFileView view, int pair) {
        int clamped = Math.max(0, Math.min(view.pairs().size() - 1, pair));
        step.state = step.state.withOverlay(new Overlay.CompareFile(view.withSelected(clamped)));
    }

    /** Reads this session's node of the pair (the other file's tree is only shown). */
    private static void openLeft(Step step, NodePair pair) {
        Node left = pair.left();
        if (left == null || !step.state.loom().contains(left.id())) {
            step.info("this session has no node here");
            return;
        }
        int end = ReadPath.of(step.state.loom(), left.id()).size() - 1;
        step.state = step.state.withOverlay(Overlay.NONE).withView(View.READ)
                .withFocus(new Focus(left.id(), Math.max(0, end)));
    }
}
