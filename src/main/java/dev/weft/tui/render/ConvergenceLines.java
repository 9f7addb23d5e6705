package dev.weft.tui.render;

import dev.weft.analysis.Convergence;
import dev.weft.loom.DisplayText;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.tui.layout.Glyphs;
import dev.weft.tui.layout.Quote;
import dev.weft.tui.state.ConvergenceView;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The convergence view: for each branch under the node, the end of its text on one row, aligned on
 * the right so that the endings line up, each token in its probability colour and the tail the
 * branch shares with the reference (the first branch) marked; under it the branch's figures: how
 * many tokens until it re-joins the reference for good, and whether it reached the reference's ending.
 */
final class ConvergenceLines {
    private ConvergenceLines() {}

    private record Cell(String glyph, Style style) {}

    static void render(UiState state, ConvergenceView view, Painter p, int rows) {
        Loom loom = state.loom();
        String heading = "convergence · " + view.branches().size() + " branches under #" + view.parent().value()
                + " · ending of #" + view.branches().get(0).child().value() + " (" + view.ending() + "): ";
        int used = p.clipped(0, 0, heading, p.style(Part.HEADING), p.cols());
        p.clipped(used, 0, tail(view.endingText(), Math.max(10, p.cols() - used)), p.style(Part.TEXT), p.cols() - used);
        String shared = view.sharedByAll().isEmpty() ? "no tail shared by all the branches"
                : "all end with " + tail(view.sharedByAll(), Math.max(10, p.cols() - 20));
        p.clipped(0, 1, shared, p.style(Part.MUTED), p.cols());
        int visible = Math.max(1, (rows - 3) / 2);
        int converged = 0;
        for (ConvergenceView.Branch b : view.branches()) {
            if (b.convergence() != null && b.convergence().endingMatched()) {
                converged++;
            }
        }
        for (int i = 0; i < visible && view.top() + i < view.branches().size(); i++) {
            int index = view.top() + i;
            ConvergenceView.Branch b = view.branches().get(index);
            int row = 2 + 2 * i;
            if (!b.nodes().stream().allMatch(loom::contains)) {
                p.clipped(0, row, "(deleted)", p.style(Part.MUTED), p.cols());
                continue;
            }
            ending(p, loom, b, row);
            String figures = "#" + b.child().value() + "  " + figures(b.convergence());
            Style style = index == view.selected() ? p.style(Part.TREE_SELECTED) : p.style(Part.MUTED);
            if (index == view.selected()) {
                p.fill(0, row + 1, p.cols(), style);
            }
            p.clipped(0, row + 1, figures, style, p.cols());
        }
        if (view.branches().size() > 1 && rows > 2 + 2 * visible) {
            p.clipped(0, rows - 1, converged + " of " + (view.branches().size() - 1) + " reached the reference's ending",
                    p.style(Part.TEXT), p.cols());
        }
    }

    static String figures(Convergence c) {
        if (c == null) {
            return "reference";
        }
        String rejoin = c.rejoined() ? "re-joins after " + c.rejoinAfter() + (c.rejoinAfter() == 1 ? " token" : " tokens")
                : "never re-joins";
        return rejoin + " · " + (c.endingMatched() ? "reaches the ending" : "misses the ending")
                + String.format(Locale.ROOT, " (distance %.2f)", c.endingDistance());
    }

    /** The end of the branch's text, right-aligned, coloured by token, the shared tail marked. */
    private static void ending(Painter p, Loom loom, ConvergenceView.Branch b, int row) {
        List<Cell> cells = new ArrayList<>();
        int total = 0;
        for (NodeId id : b.nodes()) {
            for (int t = 0; t < loom.node(id).tokens().size(); t++) {
                total += loom.node(id).tokens().piece(t).text().length();
            }
        }
        int sharedFrom = total - b.shared();
        int at = 0;
        Style mark = p.style(Part.MATCH);
        for (NodeId id : b.nodes()) {
            Node node = loom.node(id);
            for (int t = 0; t < node.tokens().size(); t++) {
                Style style = TokenStyles.of(p.theme(), node, t);
                String text = node.tokens().piece(t).text();
                for (int k = 0; k < text.length(); ) {
                    int cp = text.codePointAt(k);
                    String ch = DisplayText.token(new String(Character.toChars(cp)));
                    cells.add(new Cell(ch, at + k >= sharedFrom ? mark.over(style) : style));
                    k += Character.charCount(cp);
                }
                at += text.length();
            }
        }
        int col = p.cols();
        for (int i = cells.size() - 1; i >= 0; i--) {
            int w = Math.max(1, Glyphs.columns(cells.get(i).glyph()));
            if (col - w < 0) {
                break;
            }
            col -= w;
            p.put(col, row, cells.get(i).glyph(), cells.get(i).style());
        }
    }

    private static String tail(String text, int max) {
        String shown = Quote.token(text);
        if (Glyphs.columns(shown) <= max) {
            return shown;
        }
        String bare = Quote.bare(text);
        return "\"…" + bare.substring(Math.max(0, bare.length() - max + 3)) + "\"";
    }
}
