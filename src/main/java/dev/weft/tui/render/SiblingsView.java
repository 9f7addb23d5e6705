package dev.weft.tui.render;

import dev.weft.analysis.Diversity;
import dev.weft.analysis.SiblingFigures;
import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import dev.weft.tui.layout.Cell;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.ReadLayout;
import dev.weft.tui.layout.SiblingColumns;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import java.util.List;
import java.util.Locale;

/**
 * The current node and its siblings side by side, like a playground's list of regenerations:
 * each column a completion coloured by probability under a header with its figures, the current
 * one outlined. As many columns as fit at a readable width; the window follows the current one.
 * The bottom row gives the figures of the whole sibling set.
 */
final class SiblingsView {
    static final int MAX_MEASURED = 16;

    private SiblingsView() {}

    static void render(UiState state, Painter p, int rows) {
        NodeId current = state.focus().current();
        SiblingColumns columns = SiblingColumns.of(state.loom(), current, p.cols());
        List<NodeId> siblings = columns.siblings();
        if (siblings.size() > 1 && rows >= 8) {
            rows--;
            p.clipped(0, rows, figures(state, siblings), p.style(Part.MUTED), p.cols());
        }
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

    /**
     * The sibling set's collapse figures on one line: how different the texts are (distinct-n, mean
     * pairwise edit distance) and how sure the model was (top-k entropy, share of p &gt; 0.99). The
     * pairwise distances grow with the square of the set, so large sets are not measured per frame.
     */
    static String figures(UiState state, List<NodeId> all) {
        // diversity is a figure of sampling: paths picked by hand from the multiverse stay out, and say so
        List<NodeId> siblings = all.stream().filter(id -> state.loom().node(id).origin() != Origin.PICKED).toList();
        String picked = siblings.size() == all.size() ? "" : " · " + (all.size() - siblings.size()) + " picked left out";
        if (siblings.size() < 2) {
            return siblings.size() + " sampled sibling" + (siblings.size() == 1 ? "" : "s") + picked;
        }
        if (siblings.size() > MAX_MEASURED) {
            return siblings.size() + " siblings: figures for up to " + MAX_MEASURED + " (weft stats FILE gives them all)";
        }
        List<TokenRun> runs = siblings.stream().map(id -> state.loom().node(id).tokens()).toList();
        SiblingFigures f = SiblingFigures.of(runs);
        Diversity d = f.diversity();
        NodeFigures pooled = f.pooled();
        return siblings.size() + " siblings · distinct-1 " + figure(d.distinct1()) + " · distinct-2 " + figure(d.distinct2())
                + " · edit dist " + figure(d.meanEditDistance())
                + " · entropy " + (Double.isNaN(pooled.meanEntropy()) ? "–" : figure(pooled.meanEntropy()) + " nats")
                + " · p>.99 " + (pooled.scored() == 0 ? "–" : Numbers.wholePercent(pooled.shareConfident()).strip()) + picked;
    }

    private static String figure(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.2f", x);
    }

    /** "48 tok · mean p 62%": the column's figures under its title. */
    private static String figures(Node node) {
        NodeFigures f = NodeFigures.of(node.tokens());
        return node.tokens().size() + " tok" + (f.scored() > 0 ? " · mean p " + Numbers.percent(f.meanProbability()) : "");
    }
}
