package dev.weft.tui.update;

import dev.weft.loom.Alternative;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.TokenRun;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.Quote;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Overlay;

/** The alternatives popup: open it at the cursor, move through the list, swap (and regenerate). */
final class AlternativesKeys {
    private AlternativesKeys() {}

    static void open(Step step) {
        ReadPath path = ReadPath.of(step.state.loom(), step.state.focus().current());
        if (path.size() == 0) {
            step.info("no text yet: i writes a prompt");
            return;
        }
        int cursor = path.clamp(step.state.focus().cursor());
        int k = path.nodeAt(cursor);
        Node node = path.node(k);
        int index = cursor - path.start(k);
        TokenRun run = node.tokens();
        if (run.alternativeCount(index) == 0) {
            step.info(run.token(index).isScored()
                    ? "the backend reported no alternatives for this token"
                    : "no alternatives: this text was not sampled or scored by a model");
            return;
        }
        int rank = run.token(index).rank();
        step.state = step.state.withOverlay(new Overlay.Alternatives(node.id(), index, Math.max(0, rank - 1)));
    }

    static void handle(Step step, Overlay.Alternatives popup, Action action) {
        if (action == null) {
            return;
        }
        int count = step.state.loom().node(popup.node()).tokens().alternativeCount(popup.index());
        switch (action) {
            case CHOICE_UP -> select(step, popup, Math.max(0, popup.selected() - 1));
            case CHOICE_DOWN -> select(step, popup, Math.min(count - 1, popup.selected() + 1));
            case SWAP -> swap(step, popup, false);
            case SWAP_REGENERATE -> swap(step, popup, true);
            case CLOSE -> step.state = step.state.withOverlay(Overlay.NONE);
            default -> { }
        }
    }

    private static void select(Step step, Overlay.Alternatives popup, int row) {
        step.state = step.state.withOverlay(new Overlay.Alternatives(popup.node(), popup.index(), row));
    }

    /**
     * Branches at the popup's token with the selected alternative. Choosing the token that is
     * already there branches nothing; with regenerate it resamples what follows it instead.
     */
    private static void swap(Step step, Overlay.Alternatives popup, boolean regenerate) {
        step.state = step.state.withOverlay(Overlay.NONE);
        Node node = step.state.loom().node(popup.node());
        TokenRun run = node.tokens();
        Alternative chosen = run.alternative(popup.index(), popup.selected());
        int cursor = step.state.focus().cursor();
        if (chosen.piece().equals(run.piece(popup.index()))) {
            if (regenerate) {
                Generations.regenerateFrom(step, popup.node(), popup.index() + 1);
            }
            return;
        }
        NodeId swapped = step.apply(new LoomAction.Swap(popup.node(), popup.index(), popup.selected())).node();
        step.state = step.state.withFocus(new Focus(swapped, cursor));
        if (regenerate) {
            Generations.start(step, swapped);
        } else {
            step.info("swapped in " + Quote.token(chosen.text()) + " · g continues from it");
        }
    }
}
