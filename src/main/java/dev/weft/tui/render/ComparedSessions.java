package dev.weft.tui.render;

import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.replay.NodePair;
import dev.weft.tui.layout.Cell;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.ReadText;
import dev.weft.tui.state.CompareFileView;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import java.util.List;

/**
 * The compared-sessions view: a heading naming both trees with the figures of all their text
 * after the prompts, then three lines per place: the depth-indented node of each tree side by
 * side with its figures (mean logprob, share p > 0.99, mean top-k entropy), and its text
 * coloured by probability (two lines at most). The selected place is marked; the window follows it.
 */
final class ComparedSessions {
    private static final int LINES = 3;
    private static final int MAX_INDENT = 3;

    private ComparedSessions() {}

    static void render(CompareFileView view, Painter p, int rows) {
        int half = p.cols() / 2;
        p.clipped(0, 0, "this session", p.style(Part.HEADING), half - 2);
        for (int r = 0; r < rows; r++) {
            p.put(half - 1, r, "│", p.style(Part.OUTLINE));
        }
        p.clipped(half + 1, 0, view.other(), p.style(Part.HEADING), p.cols() - half - 1);
        if (view.pairs() == null) {
            p.text(0, 2, "reading…", p.style(Part.MUTED));
            return;
        }
        p.clipped(0, 1, "after prompts: " + view.figures().get(0).scored() + " tok " + figures(view.figures().get(0)),
                p.style(Part.MUTED), half - 2);
        p.clipped(half + 1, 1, "after prompts: " + view.figures().get(1).scored() + " tok " + figures(view.figures().get(1)),
                p.style(Part.MUTED), p.cols() - half - 1);
        List<NodePair> pairs = view.pairs();
        int shown = Math.max(1, (rows - 2) / LINES);
        int first = Math.max(0, Math.min(view.selected() - shown / 2, pairs.size() - shown));
        for (int i = 0; i < shown && first + i < pairs.size(); i++) {
            NodePair pair = pairs.get(first + i);
            int row = 2 + i * LINES;
            boolean selected = first + i == view.selected();
            int indent = Math.min(pair.depth(), MAX_INDENT);
            side(p, pair.left(), 0, half - 1, row, indent, selected);
            side(p, pair.right(), half + 1, p.cols() - half - 1, row, indent, selected);
        }
    }

    private static void side(Painter p, Node node, int left, int width, int row, int indent, boolean selected) {
        int col = left + 2 + 2 * indent;
        int end = left + width - 1;
        int room = Math.max(0, end - col);
        if (selected) {
            p.put(left, row, "▸", p.style(Part.OUTLINE));
        }
        if (node == null) {
            p.clipped(col, row, "(no counterpart)", p.style(Part.MUTED), room);
            return;
        }
        String title = node.id() + " " + node.origin().label() + (node.deleted() ? " (deleted)" : "")
                + " " + figures(NodeFigures.of(node.tokens()));
        p.clipped(col, row, title, selected ? p.style(Part.OUTLINE) : p.style(Part.HEADING), room);
        int c = col;
        int line = row + 1;
        for (Cell cell : ReadText.ofNode(node)) {
            if (cell.token() < 0 || cell.kind() == Cell.Kind.CUT || cell.kind() == Cell.Kind.RUNNING) {
                continue;
            }
            String glyph = cell.kind() == Cell.Kind.NEWLINE ? "↵" : cell.kind() == Cell.Kind.TAB ? "→" : cell.glyph();
            Style style = TokenStyles.of(p.theme(), node, cell.token());
            if (c + cell.width() > end) {
                if (line == row + LINES - 1) {
                    break;
                }
                line++;
                c = col;
            }
            c += p.put(c, line, glyph, style);
        }
    }

    /** "lp -3.74 >.99 12% H 1.2": mean logprob, share p > 0.99, mean top-k entropy, short enough for half a screen. */
    private static String figures(NodeFigures f) {
        if (f.scored() == 0) {
            return "unscored";
        }
        return "lp " + Numbers.logprob(f.meanLogprob()) + " >.99 " + Math.round(100 * f.shareConfident()) + "%"
                + (Double.isNaN(f.meanEntropy()) ? "" : " H " + Numbers.number(f.meanEntropy()));
    }
}
