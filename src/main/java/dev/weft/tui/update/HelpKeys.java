package dev.weft.tui.update;

import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.Areas;
import dev.weft.tui.state.Overlay;

/** Scrolling the help screen, and leaving it. */
final class HelpKeys {
    private HelpKeys() {}

    static void handle(Step step, Overlay.Help help, Action action) {
        if (action == null) {
            return;
        }
        int page = Math.max(1, Areas.of(step.state.size()).bodyRows() - 1);
        switch (action) {
            case CURSOR_UP -> scrollTo(step, help.top() - 1);
            case CURSOR_DOWN -> scrollTo(step, help.top() + 1);
            case PAGE_UP -> scrollTo(step, help.top() - page);
            case PAGE_DOWN -> scrollTo(step, help.top() + page);
            case CLOSE -> step.state = step.state.withOverlay(Overlay.NONE);
            default -> { }
        }
    }

    /** Viewport clamps the bottom, knowing the screen height. */
    private static void scrollTo(Step step, int top) {
        step.state = step.state.withOverlay(new Overlay.Help(Math.max(0, top)));
    }
}
