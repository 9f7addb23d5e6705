package dev.weft.tui.render;

import dev.weft.tui.layout.Cell;
import dev.weft.tui.layout.ReadLayout;
import dev.weft.tui.layout.ReadLayouts;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import java.util.List;

/** The main pane: the path's text wrapped to the width, each token in its style, the token cursor, an open editor. */
final class ReadView {
    private ReadView() {}

    static void render(UiState state, Painter p, int rows) {
        ReadPath path = ReadPath.of(state.loom(), state.focus().current());
        Overlay.Editor editor = state.overlay() instanceof Overlay.Editor e ? e : null;
        if (path.isEmpty() && editor == null) {
            Welcome.render(p, rows, state.overlay() instanceof Overlay.Offer o ? o.offer() : null);
            return;
        }
        ReadLayout layout = ReadLayouts.of(state);
        List<Cell> cells = layout.cells();
        int cursor = editor == null && path.size() > 0 ? path.clamp(state.focus().cursor()) : -1;
        int caretCell = editor == null ? -1 : layout.cellOfEditorChar(editor.caret());
        int top = state.scroll().read();
        int styledToken = -1;
        Style tokenStyle = null;
        for (int row = 0; row < rows && top + row < layout.lineCount(); row++) {
            ReadLayout.Line line = layout.line(top + row);
            for (int i = line.from(); i < line.to(); i++) {
                Cell c = cells.get(i);
                Style style;
                if (c.token() >= 0 && c.token() == styledToken) {
                    style = tokenStyle; // the cells of one token share its style
                } else {
                    style = style(state, path, c, cursor);
                    styledToken = c.token();
                    tokenStyle = style;
                }
                if (i == caretCell) {
                    style = p.style(Part.CARET).over(style);
                }
                String glyph = c.kind() == Cell.Kind.NEWLINE && (c.token() == cursor && cursor >= 0 || i == caretCell) ? "↵" : c.glyph();
                int col = layout.column(i);
                if (c.kind() == Cell.Kind.TAB) {
                    p.fill(col, row, layout.width(i), style);
                } else {
                    p.put(col, row, glyph, style);
                }
            }
        }
    }

    private static Style style(UiState state, ReadPath path, Cell c, int cursor) {
        var theme = state.settings().theme();
        Style style = switch (c.kind()) {
            case BOUNDARY -> theme.style(Part.BOUNDARY);
            case CUT -> theme.style(Part.CUT);
            case RUNNING -> theme.style(Part.RUNNING);
            default -> c.token() >= 0
                    ? TokenStyles.of(theme, path.node(c.node()), c.token() - path.start(c.node()))
                    : theme.style(Part.EDITED);
        };
        return c.token() >= 0 && c.token() == cursor ? theme.style(Part.CURSOR).over(style) : style;
    }
}
