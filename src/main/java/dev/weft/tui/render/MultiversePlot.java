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
 * The multiverse view over the whole screen: a heading with the context, one column per depth of
 * nested blocks as tall as their path's probability (the mass the tree shows fills the height;
 * relative to the zoomed block), each coloured by its token's probability and labelled in every
 * block a row tall, the selected block reversed; the most probable paths beside the plot (wide
 * screens) or under it; then the selected path and how much mass the plot leaves unexplored.
 * Block edges inside a row are drawn with eighth blocks (the lower block's colour over the
 * upper's) when the theme has colours; without colour they snap to whole rows and neighbours
 * alternate █ and ▒, as the plain-text plot does.
 */
final class MultiversePlot {
    private static final String[] LOWER_EIGHTHS = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    private static final int BAR = 2;
    private static final int MIN_COLUMN = 12;
    private static final int MAX_COLUMN = 24;
    /** From this width the list of paths goes beside the plot; narrower, below it. */
    private static final int BESIDE_FROM = 140;
    private static final int MIN_LIST = 44;

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
        MultiverseBlocks blocks = MultiverseBlocks.filled(shown);
        List<Integer> selected = view.selected().subList(view.zoom().size(), view.selected().size());
        int depths = blocks.levels().size();
        if (depths == 0) {
            p.text(0, 2, view.growing() != null ? "expanding below this block…"
                    : "the model ends the text here: nothing to expand", p.style(Part.MUTED));
            footer(view, shown, p, rows);
            return;
        }
        List<Multiverse.Path> paths = shown.paths();
        boolean beside = p.cols() >= BESIDE_FROM;
        int listRows = beside ? 0 : Math.min(paths.size(), Math.max(3, rows / 5));
        int plotRows = Math.max(1, rows - 3 - (listRows > 0 ? listRows + 1 : 0));
        int plotCols = beside ? Math.min(p.cols() - MIN_LIST, depths * MAX_COLUMN) : p.cols();
        int visible = Math.max(1, Math.min(depths, plotCols / MIN_COLUMN));
        int width = Math.min(MAX_COLUMN, plotCols / visible);
        int first = Math.max(0, Math.min(depths - visible, selected.size() - visible));
        for (int d = 0; d < visible; d++) {
            column(p, blocks, first + d, d * width, width, plotRows, selected);
        }
        if (beside) {
            int left = visible * width + 1;
            paths(p, view, paths, left, 1, p.cols() - left, plotRows);
        } else if (listRows > 0) {
            paths(p, view, paths, 0, 1 + plotRows, p.cols(), listRows + 1);
        }
        footer(view, shown, p, rows);
    }

    /** The most probable paths of the tree as drawn, one a row, each token in its probability colour. */
    private static void paths(Painter p, MultiverseView view, List<Multiverse.Path> paths, int left, int top, int width,
                              int rows) {
        String heading = "most probable paths" + (view.zoom().isEmpty() ? "" : " in the zoomed block");
        p.clipped(left, top, heading, p.style(Part.HEADING), width);
        for (int i = 0; i + 1 < rows && i < paths.size(); i++) {
            Multiverse.Path path = paths.get(i);
            int row = top + 1 + i;
            String prob = String.format(java.util.Locale.ROOT, "%2d. %6s  ", i + 1, Numbers.percent(path.probability()));
            int col = p.clipped(left, row, prob, p.style(Part.MUTED), width);
            for (MultiverseNode n : path.steps()) {
                if (col >= left + width) {
                    break;
                }
                col = p.clipped(col, row, Quote.bare(n.piece().text()), p.theme().probability(n.probability()),
                        left + width - col);
            }
        }
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
    }

    private static void label(Painter p, MultiverseBlocks blocks, int depth, int row, int rows, int col, int width,
                              List<Integer> selected) {
        Block block = blocks.labelledInTheMiddle(depth, row, rows);
        Block chosen = selectedBlock(blocks, depth, selected);
        if (chosen != null && block != chosen && chosen.middleRow(rows) < 0
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
        String figures = "height = " + Numbers.percent(MultiverseBlocks.shownMass(shown)) + " shown · unexplored "
                + Numbers.percent(shown.unexploredMass()) + " · depth " + shown.settings().depth() + " · top-k "
                + shown.settings().top() + " · floor "
                + Numbers.percent(shown.settings().minProbability()) + (view.growing() != null ? " · expanding…" : "");
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
