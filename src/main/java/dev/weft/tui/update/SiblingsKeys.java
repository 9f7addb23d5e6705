package dev.weft.tui.update;

import dev.weft.loom.NodeId;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.Family;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.View;

/** The siblings view: the current node and its siblings side by side; moving changes the current node. */
final class SiblingsKeys {
    private SiblingsKeys() {}

    static void handle(Step step, Action action) {
        NodeId current = step.state.focus().current();
        if (current == null) {
            step.state = step.state.withView(View.READ);
            return;
        }
        switch (action) {
            case SIBLING_PREV, SIBLING_NEXT -> {
                NodeId next = Family.sibling(step.state.loom(), current, action == Action.SIBLING_NEXT ? 1 : -1);
                int start = ReadPath.of(step.state.loom(), next).size() - step.state.loom().node(next).tokens().size();
                step.state = step.state.withFocus(new Focus(next, start));
            }
            case CURSOR_UP -> step.state = step.state.withScroll(step.state.scroll().withSiblings(step.state.scroll().siblings() - 1));
            case CURSOR_DOWN -> step.state = step.state.withScroll(step.state.scroll().withSiblings(step.state.scroll().siblings() + 1));
            case OPEN -> TreeKeys.open(step, current);
            case MORE_SIBLINGS -> Generations.regenerateFrom(step, current, 0);
            default -> CommonKeys.handle(step, action, current);
        }
    }
}
