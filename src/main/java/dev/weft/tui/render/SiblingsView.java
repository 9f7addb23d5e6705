package dev.weft.tui.render;

import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.NodeId;
import dev.weft.tui.layout.Cell;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.ReadLayout;
import dev.weft.tui.layout.SiblingColumns;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import java.util.List;

/**
 * The current node and its siblings side by side, like a playground's list of regenerations:
 * each column a completion coloured by probability under a header with its figures, the current
 * one outlined. As many columns as fit at a readable width; the window follows the current one.
 */
final class SiblingsView {
    private SiblingsView() {}

    static void render(UiState state, Painter p, int rows) {
        NodeId current = state.focus().current();
        SiblingColumns columns = SiblingColumns.of(state.loom(), current, p.cols());
        List<NodeId> siblings = columns.siblings();
        for (int i = 0; i < columns.visible(); i++) {
            NodeId id = siblings.get(columns.first() + i);
            column(state, p, columns, id, i * columns.width(), rows, id.equals(current),
                    (columns.first() + i + 1) + "/" + siblings.size());
        }
        if (columns.first() > 0) {
            p.put(0, 0, "‹", p.style(Part.OUTLINE));
        }
        if (columns.first() + columns.visible() < siblings.size()) {
            p.put(p.cols() - 1, 0, "›", p.style(Part.OUTLINE));
        }
    }

    private static void column(UiState state, Painter p, SiblingColumns columns, NodeId id, int left, int rows,
                               boolean current, String position) {
        Node node = state.loom().node(id);
        int width = columns.width();
        if (current) {
            Box.draw(p, left, 0, width, rows, p.style(Part.OUTLINE), Style.PLAIN, null, null);
        }
        p.clipped(left + 1, 0, " " + position + " " + node.id() + " " + node.origin().label() + " ",
                current ? p.style(Part.OUTLINE) : p.style(Part.HEADING), width - 2);
        p.clipped(left + 1, 1, figures(node), p.style(Part.MUTED), width - 2);
        ReadLayout layout = columns.layout(state.loom(), id);
        int top = state.scroll().siblings();
        for (int r = 0; r < rows - 3 && top + r < layout.lineCount(); r++) {
            ReadLayout.Line line = layout.line(top + r);
            for (int c = line.from(); c < line.to(); c++) {
                Cell cell = layout.cells().get(c);
                Style style = switch (cell.kind()) {
                    case CUT -> p.style(Part.CUT);
                    case RUNNING -> p.style(Part.RUNNING);
                    default -> cell.token() >= 0 ? TokenStyles.of(p.theme(), node, cell.token()) : Style.PLAIN;
                };
                if (layout.column(c) < width - 2 && cell.kind() != Cell.Kind.TAB) {
                    p.put(left + 1 + layout.column(c), 2 + r, cell.glyph(), style);
                }
            }
        }
    }

    /** "48 tok · mean p 62%": the column's figures under its title. */
    private static String figures(Node node) {
        NodeFigures f = NodeFigures.of(node.tokens());
        return node.tokens().size() + " tok" + (f.scored() > 0 ? " · mean p " + Numbers.percent(f.meanProbability()) : "");
    }
}
