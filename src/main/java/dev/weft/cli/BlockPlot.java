package dev.weft.cli;

import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseBlocks;
import dev.weft.analysis.MultiverseBlocks.Block;
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

    private final AnsiSpectrum spectrum;
    private final int rows;
    private final int columnWidth;
    private final MultiverseBlocks blocks;
    private final int depths;

    private BlockPlot(Multiverse multiverse, int width, int rows, AnsiSpectrum spectrum) {
        this.spectrum = spectrum;
        this.rows = rows;
        this.blocks = MultiverseBlocks.of(multiverse);
        int all = blocks.levels().size();
        this.depths = Math.min(Math.max(1, Math.min(all, width / MIN_COLUMN)), all);
        this.columnWidth = Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, width / Math.max(1, depths)));
    }

    /**
     * The plot's lines, each exactly {@code width} columns wide, so that two plots can stand side
     * by side. Depths that do not fit in {@code width} are left out (at least {@value #MIN_COLUMN}
     * columns each).
     */
    static List<String> lines(Multiverse multiverse, int width, int rows, AnsiSpectrum spectrum) {
        BlockPlot plot = new BlockPlot(multiverse, width, rows, spectrum);
        String margin = " ".repeat(Math.max(0, width - plot.depths * plot.columnWidth));
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
            for (int depth = 0; depth < depths; depth++) {
                line.append(cell(depth, row)).append(' ').append(label(depth, row)).append(' ');
            }
            out.add(line.toString());
        }
        return out;
    }

    private String cell(int depth, int row) {
        MultiverseBlocks.Cell cell = blocks.cell(depth, row, rows);
        Block above = cell.above();
        Block below = cell.below();
        if (cell.solid()) {
            return solid(above);
        }
        int eighths = cell.belowEighths();
        if (!spectrum.colours()) {
            return solid(cell.belowShare() >= 0.5 ? below : above);
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
            return block.odd() ? "▒" : "█";
        }
        return sgr(colour(block, false)) + "█" + reset();
    }

    private String label(int depth, int row) {
        int width = columnWidth - 3;
        Block block = blocks.labelled(depth, row, rows);
        if (block == null) {
            return " ".repeat(width);
        }
        double p = block.node().probability();
        String token = DisplayText.token(block.node().piece().text());
        String withPercent = token + " " + Percent.of(p);
        // a narrow column shows the token rather than a cut token and its percentage
        String text = TextWidth.pad(TextWidth.of(withPercent) <= width ? withPercent : token, width);
        return spectrum.colours() ? spectrum.paint(text, p) : text;
    }

    private String colour(Block block, boolean background) {
        return spectrum.sgr(block.node().probability(), background, block.odd());
    }

    private static String sgr(String parameters) {
        return "\u001b[" + parameters + "m";
    }

    private static String reset() {
        return "\u001b[0m";
    }
}
