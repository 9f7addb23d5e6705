package dev.weft.cli;

import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseNode;
import dev.weft.loom.DisplayText;
import java.util.ArrayList;
import java.util.List;

/**
 * A block-multiverse plot in text: one column per depth, each block as tall as the probability of
 * its path, nested inside its parent's block, most likely on top; tokens are labelled in blocks a
 * row or more tall. With colour, a block's edge inside a row is drawn with an eighth block (the
 * lower block's colour below, the upper's above), so heights have eight times the row
 * resolution; without colour, blocks snap to whole rows and alternate █ and ▒.
 */
final class BlockPlot {
    static final int MIN_COLUMN = 8;
    private static final int MAX_COLUMN = 24;
    private static final String[] LOWER_EIGHTHS = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    private static final double EDGE = 1e-9;

    private final AnsiSpectrum spectrum;
    private final int rows;
    private final int columnWidth;
    private final List<List<Block>> levels;

    /** A node's place in its column: [top, bottom) in units of the root's height; odd blocks are shaded apart. */
    private record Block(MultiverseNode node, double top, double bottom, boolean odd) {}

    private BlockPlot(Multiverse multiverse, int width, int rows, AnsiSpectrum spectrum) {
        this.spectrum = spectrum;
        this.rows = rows;
        List<List<Block>> all = new ArrayList<>();
        place(multiverse.root(), 0, 0, all);
        int shown = Math.max(1, Math.min(all.size(), width / MIN_COLUMN));
        this.levels = all.subList(0, Math.min(shown, all.size()));
        this.columnWidth = Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, width / Math.max(1, levels.size())));
    }

    /**
     * The plot's lines, each exactly {@code width} columns wide, so that two plots can stand side
     * by side. Depths that do not fit in {@code width} are left out (at least {@value #MIN_COLUMN}
     * columns each).
     */
    static List<String> lines(Multiverse multiverse, int width, int rows, AnsiSpectrum spectrum) {
        BlockPlot plot = new BlockPlot(multiverse, width, rows, spectrum);
        String margin = " ".repeat(Math.max(0, width - plot.levels.size() * plot.columnWidth));
        return plot.draw().stream().map(line -> line + margin).toList();
    }

    /** How many depths a plot of this width shows. */
    static int depthsShown(Multiverse multiverse, int width) {
        return Math.min(multiverse.root().height(), Math.max(1, width / MIN_COLUMN));
    }

    private List<String> draw() {
        List<String> out = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            StringBuilder line = new StringBuilder();
            for (List<Block> level : levels) {
                line.append(cell(level, row)).append(' ').append(label(level, row)).append(' ');
            }
            out.add(line.toString());
        }
        return out;
    }

    private static void place(MultiverseNode node, double top, int depth, List<List<Block>> levels) {
        if (node.children().isEmpty()) {
            return;
        }
        if (levels.size() == depth) {
            levels.add(new ArrayList<>());
        }
        double y = top;
        for (MultiverseNode child : node.children()) {
            List<Block> level = levels.get(depth);
            level.add(new Block(child, y, y + child.pathProbability(), level.size() % 2 == 1));
            place(child, y, depth + 1, levels);
            y += child.pathProbability();
        }
    }

    private String cell(List<Block> level, int row) {
        double rowTop = (double) row / rows;
        double rowBottom = (double) (row + 1) / rows;
        Block above = blockAt(level, rowTop + EDGE);
        Block below = blockAt(level, rowBottom - EDGE);
        if (above == below) {
            return solid(above);
        }
        double edge = below != null ? below.top : above.bottom;
        double belowShare = (rowBottom - edge) * rows;
        int eighths = (int) Math.round(belowShare * 8);
        if (!spectrum.colours()) {
            return solid(belowShare >= 0.5 ? below : above);
        }
        if (eighths <= 0) {
            return solid(above);
        }
        if (eighths >= 8) {
            return solid(below);
        }
        String glyph = LOWER_EIGHTHS[eighths];
        if (below == null) {
            // the glyph would paint the empty part: reverse video paints the block above instead
            return sgr("7;" + colour(above, false)) + glyph + reset();
        }
        String background = above == null ? "" : ";" + colour(above, true);
        return sgr(colour(below, false) + background) + glyph + reset();
    }

    private String solid(Block block) {
        if (block == null) {
            return " ";
        }
        if (!spectrum.colours()) {
            return block.odd ? "▒" : "█";
        }
        return sgr(colour(block, false)) + "█" + reset();
    }

    private String label(List<Block> level, int row) {
        int width = columnWidth - 3;
        for (Block block : level) {
            int first = (int) Math.ceil(block.top * rows - EDGE);
            if (first == row && first + 1 <= block.bottom * rows + EDGE) {
                double p = block.node.probability();
                String token = DisplayText.token(block.node.piece().text());
                String withPercent = token + " " + Percent.of(p);
                // a narrow column shows the token rather than a cut token and its percentage
                String text = TextWidth.pad(TextWidth.of(withPercent) <= width ? withPercent : token, width);
                return spectrum.colours() ? spectrum.paint(text, p) : text;
            }
        }
        return " ".repeat(width);
    }

    private String colour(Block block, boolean background) {
        return spectrum.sgr(block.node.probability(), background, block.odd);
    }

    private static Block blockAt(List<Block> level, double y) {
        for (Block block : level) {
            if (block.top <= y && y < block.bottom) {
                return block;
            }
        }
        return null;
    }

    private static String sgr(String parameters) {
        return "\u001b[" + parameters + "m";
    }

    private static String reset() {
        return "\u001b[0m";
    }
}
