package dev.weft.tui.render;

import dev.weft.loom.Node;
import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.Binding;
import dev.weft.tui.layout.Anchor;
import dev.weft.tui.keys.Context;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;

/** The bottom line: the search being typed, else the last message, else key hints from the keymap. */
final class MessageLine {
    private MessageLine() {}

    /** {@code text} in lines of at most {@code cols} columns, broken between words; at most {@code max} lines. */
    static java.util.List<String> wrapped(String text, int cols, int max) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && dev.weft.tui.layout.Glyphs.columns(next) > cols) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        out.add(line.toString());
        if (out.size() > max) {
            java.util.List<String> kept = new java.util.ArrayList<>(out.subList(0, max));
            kept.set(max - 1, kept.get(max - 1) + " " + String.join(" ", out.subList(max, out.size())));
            return kept; // the last line ends in … where it is cut
        }
        return out;
    }

    static void render(UiState state, Painter p, int row) {
        p.fill(0, row, p.cols(), Style.PLAIN);
        if (state.overlay() instanceof Overlay.SearchPrompt s) {
            int end = p.text(0, row, "/" + s.query(), Style.PLAIN, p.cols() - 1);
            p.put(end, row, " ", p.style(Part.CARET));
            return;
        }
        if (state.message() != null) {
            // a message wider than the screen (:set alone) takes the rows above, over the status bar, as vim's do
            java.util.List<String> lines = wrapped(state.message().text(), p.cols(), Math.max(1, row / 2));
            Style style = p.style(state.message().error() ? Part.ERROR : Part.NOTICE);
            for (int i = 0; i < lines.size(); i++) {
                int r = row - (lines.size() - 1) + i;
                p.fill(0, r, p.cols(), Style.PLAIN);
                p.clipped(0, r, lines.get(i), style, p.cols());
            }
            return;
        }
        Context context = state.overlay().context() != null ? state.overlay().context() : state.view().context();
        int col = 0;
        for (Binding b : state.settings().keymap().bindings(context)) {
            if (!b.hint() || b.keys().isEmpty()) {
                continue;
            }
            String key = b.keys().get(0).label();
            String what = hint(state, b.action());
            int need = key.length() + 1 + what.length() + 2;
            if (col + need > p.cols()) {
                break;
            }
            col = p.text(col, row, key, p.style(Part.HINT_KEY));
            col = p.text(col + 1, row, what, p.style(Part.HINT)) + 2;
        }
    }

    /** Generating says which node it extends: the anchor, which is not always the end of the path. */
    private static String hint(UiState state, Action action) {
        if (action == Action.GENERATE) {
            Node anchor = Anchor.of(state);
            if (anchor != null) {
                return "continues " + anchor.id();
            }
        }
        return action.hint();
    }
}
