package dev.weft.tui.render;

import dev.weft.analysis.Convergence;
import dev.weft.analysis.ReferenceConvergence;
import dev.weft.loom.DisplayText;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.tui.layout.Glyphs;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.Quote;
import dev.weft.tui.state.ConvergenceView;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The convergence view: the reference path and every branch that leaves it below the view's node,
 * the end of each on one row, aligned on the right so that the endings line up, each token in its
 * probability colour and the tail a branch shares with the reference marked; under it the branch's
 * figures: where it leaves the reference, how many tokens until it re-joins it for good, and whether
 * it reached the reference's ending. Above, the set's summary as {@code weft attractor} prints it.
 */
final class ConvergenceLines {
    /** Rows above the branches: the heading and the summary. */
    static final int HEADER_ROWS = 2;

    private ConvergenceLines() {}

    private record Cell(String glyph, Style style) {}

    static void render(UiState state, ConvergenceView view, Painter p, int rows) {
        Loom loom = state.loom();
        ReferenceConvergence f = view.figures();
        int n = f.branches().size();
        String heading = "convergence · " + n + (n == 1 ? " branch leaves" : " branches leave") + " the path to #"
                + view.leaf(0).value() + " below #" + view.from().value() + " · ending ("
                + f.ending().rule() + "): ";
        int used = p.clipped(0, 0, heading, p.style(Part.HEADING), p.cols());
        p.clipped(used, 0, tail(f.ending().text(), Math.max(10, p.cols() - used)), p.style(Part.TEXT), p.cols() - used);
        String summary = summary(f) + (view.sharedByAll().isEmpty() ? ""
                : " · all end with " + tail(view.sharedByAll(), Math.max(10, p.cols() / 3)));
        p.clipped(0, 1, summary, p.style(Part.TEXT), p.cols());
        int visible = Math.max(1, (rows - HEADER_ROWS) / 2);
        for (int i = 0; i < visible && view.top() + i < view.rows(); i++) {
            int index = view.top() + i;
            int row = HEADER_ROWS + 2 * i;
            List<NodeId> nodes = nodes(view, index);
            if (!nodes.stream().allMatch(loom::contains)) {
                p.clipped(0, row, "(deleted)", p.style(Part.MUTED), p.cols());
                continue;
            }
            int shared = index == 0 ? best(f) : f.branches().get(index - 1).shared();
            ending(p, loom, nodes, shared, row);
            String figures = index == 0 ? reference(view) : branch(loom, f.branches().get(index - 1));
            Style style = index == view.selected() ? p.style(Part.TREE_SELECTED) : p.style(Part.MUTED);
            if (index == view.selected()) {
                p.fill(0, row + 1, p.cols(), style);
            }
            p.clipped(0, row + 1, figures, style, p.cols());
        }
    }

    /** The set's figures, as {@code weft attractor} ends its report. */
    static String summary(ReferenceConvergence f) {
        int n = f.branches().size();
        String median = Double.isNaN(f.medianRejoin()) ? "–"
                : String.format(Locale.ROOT, "%.1f tokens", f.medianRejoin());
        return "converged " + f.convergedCount() + " of " + n + " ("
                + (n == 0 ? "–" : Numbers.wholePercent(f.shareConverged()).trim()) + ") · re-joined "
                + f.rejoinedCount() + " · median re-join " + median;
    }

    private static String reference(ConvergenceView view) {
        return "#" + view.leaf(0).value() + "  reference: the path "
                + (view.chosen() ? "R chose" : "through the cursor") + " (R on a row or node changes it)";
    }

    private static String branch(Loom loom, ReferenceConvergence.Branch b) {
        String kind = loom.contains(b.first()) ? loom.node(b.first()).origin().label() : "branch";
        String nodes = "#" + b.first().value() + (b.nodes().size() > 1 ? "…#" + b.leaf().value() : "");
        return nodes + "  " + kind + " at token " + b.atToken() + " · " + figures(b.convergence());
    }

    /** The nodes a row draws: the reference from the view's node down, or that down to the branch. */
    private static List<NodeId> nodes(ConvergenceView view, int index) {
        ReferenceConvergence f = view.figures();
        if (index == 0) {
            return f.reference();
        }
        ReferenceConvergence.Branch b = f.branches().get(index - 1);
        List<NodeId> out = new ArrayList<>();
        for (NodeId id : f.reference()) {
            if (b.leaves().equals(view.from())) {
                break;
            }
            out.add(id);
            if (id.equals(b.leaves())) {
                break;
            }
        }
        out.addAll(b.nodes());
        return out;
    }

    /** The reference shares with the others what the closest of them shares with it. */
    private static int best(ReferenceConvergence f) {
        int best = 0;
        for (ReferenceConvergence.Branch b : f.branches()) {
            best = Math.max(best, b.shared());
        }
        return best;
    }

    static String figures(Convergence c) {
        String rejoin = c.rejoined() ? "re-joins after " + c.rejoinAfter() + (c.rejoinAfter() == 1 ? " token" : " tokens")
                : "never re-joins";
        return rejoin + " · ending " + (c.endingMatched() ? "reached"
                : String.format(Locale.ROOT, "missed (distance %.2f)", c.endingDistance()));
    }

    /** The end of the row's text, right-aligned, coloured by token, the shared tail marked. */
    private static void ending(Painter p, Loom loom, List<NodeId> nodes, int shared, int row) {
        List<Cell> cells = new ArrayList<>();
        int total = 0;
        for (NodeId id : nodes) {
            for (int t = 0; t < loom.node(id).tokens().size(); t++) {
                total += loom.node(id).tokens().piece(t).text().length();
            }
        }
        int sharedFrom = total - shared;
        int at = 0;
        Style mark = p.style(Part.MATCH);
        for (NodeId id : nodes) {
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
