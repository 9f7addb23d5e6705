package dev.weft.tui.render;

import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.NodeId;
import dev.weft.tui.layout.Cell;
import dev.weft.tui.layout.Family;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.ReadLayout;
import dev.weft.tui.layout.ReadText;
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
    static final int MIN_COLUMN = 22;

    private SiblingsView() {}

    static void render(UiState state, Painter p, int rows) {
        NodeId current = state.focus().current();
        List<NodeId> siblings = Family.siblings(state.loom(), current);
        int at = siblings.indexOf(current);
        int visible = Math.max(1, Math.min(siblings.size(), p.cols() / MIN_COLUMN));
        int first = Math.max(0, Math.min(at - visible / 2, siblings.size() - visible));
        int width = p.cols() / visible;
        for (int i = 0; i < visible; i++) {
            NodeId id = siblings.get(first + i);
            column(state, p, state.loom().node(id), i * width, width, rows, id.equals(current),
                    (first + i + 1) + "/" + siblings.size());
        }
        if (first > 0) {
            p.put(0, 0, "‹", p.style(Part.OUTLINE));
        }
        if (first + visible < siblings.size()) {
            p.put(p.cols() - 1, 0, "›", p.style(Part.OUTLINE));
        }
    }

    private static void column(UiState state, Painter p, Node node, int left, int width, int rows, boolean current,
                               String position) {
        if (current) {
            Box.draw(p, left, 0, width, rows, p.style(Part.OUTLINE), Style.PLAIN, null, null);
        }
        p.clipped(left + 1, 0, " " + position + " " + node.id() + " " + node.origin().label() + " ",
                current ? p.style(Part.OUTLINE) : p.style(Part.HEADING), width - 2);
        p.clipped(left + 1, 1, figures(node), p.style(Part.MUTED), width - 2);
        ReadLayout layout = ReadLayout.wrap(ReadText.ofNode(node), width - 2);
        int top = Math.min(state.scroll().siblings(), Math.max(0, layout.lineCount() - 1));
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
