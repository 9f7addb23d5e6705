package dev.weft.tui.render;

import dev.weft.tui.layout.Glyphs;
import dev.weft.tui.state.CommandLine;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;

/**
 * The {@code :} line in place, like vim's: on the bottom row, the view still above it; a line
 * wider than the screen scrolls so the caret stays in sight. While Tab offers several
 * candidates, they take the status bar's row, the one on the line highlighted.
 */
final class CommandLineView {
    private CommandLineView() {}

    static void render(CommandLine line, Painter p, int row) {
        p.fill(0, row, p.cols(), Style.PLAIN);
        String before = line.text().substring(0, line.caret());
        String after = line.text().substring(line.caret());
        // keep the caret in sight: drop whole glyphs from the left until ':' + before + caret fit
        String shown = ":" + before;
        while (Glyphs.columns(shown) + 1 > p.cols() && shown.length() > 1) {
            shown = shown.substring(Character.charCount(shown.codePointAt(0)));
        }
        int col = p.text(0, row, shown, Style.PLAIN, p.cols());
        String caretGlyph = after.isEmpty() ? " " : after.substring(0, Character.charCount(after.codePointAt(0)));
        int end = p.text(col, row, caretGlyph, p.style(Part.CARET), p.cols() - col);
        if (!after.isEmpty() && end < p.cols()) {
            p.text(end, row, after.substring(caretGlyph.length()), Style.PLAIN, p.cols() - end);
        }
    }

    /** The candidates of a Tab, on the row above the line. */
    static void candidates(CommandLine.Completing completing, Painter p, int row) {
        Style fill = p.style(Part.STATUS);
        p.fill(0, row, p.cols(), fill);
        int col = 1;
        for (int i = 0; i < completing.candidates().size(); i++) {
            String c = completing.candidates().get(i);
            if (col + Glyphs.columns(c) + 2 > p.cols()) {
                p.text(Math.max(0, p.cols() - 2), row, " …", fill, 2);
                break;
            }
            col = p.text(col, row, c, i == completing.index() ? p.style(Part.STATUS_ACCENT) : fill) + 2;
        }
    }
}
