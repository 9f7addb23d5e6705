package dev.weft.tui.render;

import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseBlocks;
import dev.weft.analysis.MultiverseBlocks.Block;
import dev.weft.analysis.MultiverseNode;
import dev.weft.tui.layout.Glyphs;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.Quote;
import dev.weft.tui.state.MultiverseView;
import dev.weft.tui.theme.Colour;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import dev.weft.tui.theme.Theme;
import java.util.List;
import java.util.Set;

/**
 * The multiverse view: a heading with the context, one column per depth of nested blocks as tall
 * as their path's probability (relative to the zoomed block), each coloured by its token's
 * probability and labelled when a row tall, the selected block reversed; under it the selected
 * path and how much mass the plot leaves unexplored. Block edges inside a row are drawn with
 * eighth blocks (the lower block's colour over the upper's) when the theme has colours; without
 * colour they snap to whole rows and neighbours alternate █ and ▒, as the plain-text plot does.
 */
final class MultiversePlot {
    private static final String[] LOWER_EIGHTHS = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    private static final int BAR = 2;
    private static final int MIN_COLUMN = 12;
    private static final int MAX_COLUMN = 24;

    private MultiversePlot() {}

    static void render(MultiverseView view, Painter p, int rows) {
        String heading = "multiverse after " + tail(view.context(), Math.max(10, p.cols() / 2));
        if (view.multiverse() == null) {
            p.clipped(0, 0, heading, p.style(Part.HEADING), p.cols());
            p.text(0, 2, "expanding…", p.style(Part.MUTED));
            return;
        }
        Multiverse shown = view.shown();
        int zoomWidth = 0;
        if (!view.zoom().isEmpty()) {
            String zoom = "zoom " + path(view.selectedPath().subList(0, view.zoom().size())) + " = 100% (of "
                    + Numbers.percent(shown.branchProbability()) + ")";
            zoomWidth = Math.min(p.cols(), Glyphs.columns(zoom));
            p.clipped(p.cols() - zoomWidth, 0, zoom, p.style(Part.OUTLINE), zoomWidth);
        }
        p.clipped(0, 0, heading, p.style(Part.HEADING), Math.max(0, p.cols() - zoomWidth - 2));
        int plotRows = Math.max(1, rows - 3);
        MultiverseBlocks blocks = MultiverseBlocks.of(shown);
        List<Integer> selected = view.selected().subList(view.zoom().size(), view.selected().size());
        int depths = blocks.levels().size();
        if (depths == 0) {
            p.text(0, 2, "the model ends the text here: nothing to expand", p.style(Part.MUTED));
            return;
        }
        int visible = Math.max(1, Math.min(depths, p.cols() / MIN_COLUMN));
        int width = Math.min(MAX_COLUMN, p.cols() / visible);
        int first = Math.max(0, Math.min(depths - visible, selected.size() - visible));
        for (int d = 0; d < visible; d++) {
            column(p, blocks, first + d, d * width, width, plotRows, selected);
        }
        footer(view, shown, p, rows);
    }

    private static void column(Painter p, MultiverseBlocks blocks, int depth, int left, int width, int rows,
                               List<Integer> selected) {
        Theme theme = p.theme();
        for (int row = 0; row < rows; row++) {
            MultiverseBlocks.Cell cell = blocks.cell(depth, row, rows);
            String glyph;
            Style style;
            Block above = cell.above();
            Block below = cell.below();
            Colour up = above == null ? null : colour(theme, above);
            Colour down = below == null ? null : colour(theme, below);
            boolean colours = (above == null || up != null) && (below == null || down != null);
            int eighths = cell.belowEighths();
            if (cell.solid() || !colours || eighths == 0 || eighths == 8) {
                Block b = cell.solid() ? above
                        : !colours ? (cell.belowShare() >= 0.5 ? below : above)
                        : eighths == 8 ? below : above;
                glyph = b == null ? " " : !colours && b.odd() ? "▒" : "█";
                style = b == null ? Style.PLAIN : shade(theme, b);
            } else if (below == null) {
                // the glyph would paint the empty part: reverse video paints the block above instead
                glyph = LOWER_EIGHTHS[eighths];
                style = new Style(up, null, Set.of(Style.Attr.REVERSE));
            } else {
                glyph = LOWER_EIGHTHS[eighths];
                style = new Style(down, up, Set.of());
            }
            for (int c = 0; c < BAR; c++) {
                p.put(left + c, 1 + row, glyph, style);
            }
            label(p, blocks, depth, row, rows, left + BAR + 1, width - BAR - 2, selected);
        }
        List<Block> level = blocks.levels().get(depth);
        int empty = (int) Math.ceil(level.get(level.size() - 1).bottom() * rows - 1e-9);
        if (depth == 0 && empty < rows) {
            // the empty part is the mass the plot leaves out: name it where it starts
            p.clipped(left, 1 + empty, "left out " + Numbers.percent(1 - level.get(level.size() - 1).bottom()),
                    p.style(Part.MUTED), width - 1);
        }
    }

    private static void label(Painter p, MultiverseBlocks blocks, int depth, int row, int rows, int col, int width,
                              List<Integer> selected) {
        Block block = blocks.labelled(depth, row, rows);
        Block chosen = selectedBlock(blocks, depth, selected);
        if (chosen != null && block != chosen && chosen.labelRow(rows) < 0
                && Math.min(rows - 1, (int) Math.floor(chosen.top() * rows)) == row) {
            block = chosen; // a block thinner than a row still shows its label while selected
        }
        if (block == null) {
            return;
        }
        double prob = block.node().probability();
        String token = Quote.bare(block.node().piece().text());
        String withPercent = token + " " + Numbers.percent(prob);
        String text = Glyphs.columns(withPercent) <= width ? withPercent : token;
        Style style = p.theme().probability(prob);
        if (block == chosen) {
            style = p.style(Part.TREE_SELECTED).over(style);
            p.fill(col - 1, 1 + row, 1, style);
        }
        p.clipped(col, 1 + row, text, style, width);
    }

    private static Block selectedBlock(MultiverseBlocks blocks, int depth, List<Integer> selected) {
        if (selected.size() != depth + 1) {
            return null;
        }
        for (Block b : blocks.levels().get(depth)) {
            if (b.path().equals(selected)) {
                return b;
            }
        }
        return null;
    }

    private static void footer(MultiverseView view, Multiverse shown, Painter p, int rows) {
        List<MultiverseNode> path = view.selectedPath();
        if (!path.isEmpty()) {
            MultiverseNode at = path.get(path.size() - 1);
            String text = "path " + path(path) + " · p " + Numbers.percent(at.pathProbability())
                    + (view.zoom().isEmpty() ? "" : " · in zoom " + Numbers.percent(at.pathProbability() / shown.branchProbability()));
            p.clipped(0, rows - 2, text, p.style(Part.TEXT), p.cols());
        }
        String figures = "unexplored " + Numbers.percent(shown.unexploredMass()) + " · " + shown.nodeCount() + " blocks · depth "
                + shown.settings().depth() + " top " + shown.settings().top() + " floor "
                + Numbers.percent(shown.settings().minProbability());
        p.clipped(0, rows - 1, figures, p.style(Part.MUTED), p.cols());
    }

    /** Tokens joined as they read: "␣Yes,␣they". */
    private static String path(List<MultiverseNode> nodes) {
        StringBuilder out = new StringBuilder();
        for (MultiverseNode n : nodes) {
            out.append(n.piece().text());
        }
        return Quote.token(out.toString());
    }

    private static String tail(String text, int max) {
        String shown = Quote.token(text);
        if (Glyphs.columns(shown) <= max) {
            return shown;
        }
        String bare = Quote.bare(text);
        return "\"…" + bare.substring(Math.max(0, bare.length() - max + 3)) + "\"";
    }

    private static Style shade(Theme theme, Block b) {
        Style s = theme.probability(b.node().probability());
        return b.odd() && colour(theme, b) != null ? s.over(Style.of(Style.Attr.DIM)) : s;
    }

    /** The block's probability colour, or null when the theme shows probability without colour. */
    private static Colour colour(Theme theme, Block b) {
        Style s = theme.probability(b.node().probability());
        return s.fg() != null ? s.fg() : s.bg();
    }
}
