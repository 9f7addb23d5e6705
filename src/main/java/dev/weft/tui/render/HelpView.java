package dev.weft.tui.render;

import dev.weft.tui.layout.HelpText;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.Part;
import java.util.List;

/** Every key and command, from the same table that dispatches keys. */
final class HelpView {
    private HelpView() {}

    static void render(UiState state, Overlay.Help help, Painter p, int rows) {
        List<HelpText.Line> lines = HelpText.lines(state.settings().keymap());
        int keysWidth = Math.min(22, Math.max(8, p.cols() / 3));
        for (int r = 0; r < rows; r++) {
            p.fill(0, r, p.cols(), p.style(Part.TEXT));
            int i = help.top() + r;
            if (i >= lines.size()) {
                continue;
            }
            HelpText.Line line = lines.get(i);
            if (line.heading()) {
                p.clipped(0, r, line.text(), p.style(Part.HEADING), p.cols());
            } else {
                p.clipped(2, r, line.keys(), p.style(Part.HINT_KEY), keysWidth - 3);
                p.clipped(keysWidth, r, line.text(), p.style(Part.TEXT), p.cols() - keysWidth);
            }
        }
    }
}
