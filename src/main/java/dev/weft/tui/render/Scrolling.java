package dev.weft.tui.render;

import com.googlecode.lanterna.screen.Screen;
import dev.weft.tui.layout.Areas;
import dev.weft.tui.state.UiState;

/**
 * When a view only scrolled between two frames, tells the screen: the terminal then scrolls its
 * own lines and the delta refresh sends just the newly exposed ones rather than the whole body,
 * which matters over a slow SSH link. Call before rendering the new frame.
 */
public final class Scrolling {
    private Scrolling() {}

    public static void hint(Screen screen, UiState before, UiState after) {
        if (before == null || before.view() != after.view() || !before.size().equals(after.size())
                || before.overlay().getClass() != after.overlay().getClass()) {
            return;
        }
        int distance = switch (after.view()) {
            case TREE -> after.tree().top() - before.tree().top();
            case READ -> after.scroll().read() - before.scroll().read();
            case SIBLINGS -> 0;
        };
        int rows = Areas.of(after.size()).bodyRows();
        if (distance != 0 && Math.abs(distance) < rows) {
            screen.scrollLines(0, rows - 1, distance);
        }
    }
}
