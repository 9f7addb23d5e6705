package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseNode;
import dev.weft.analysis.MultiverseSettings;
import dev.weft.loom.Piece;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockPlotTest {
    private static final AnsiSpectrum PLAIN = new AnsiSpectrum(ColorDepth.NONE);
    private static final AnsiSpectrum TRUECOLOR = new AnsiSpectrum(ColorDepth.TRUECOLOR);

    /** A .5 (x .5, y .25), B .25 (unexpanded), a quarter left out. */
    private static Multiverse handMade(double a, double b) {
        MultiverseNode x = node("x", 0.5, a * 0.5);
        MultiverseNode y = node("y", 0.25, a * 0.25);
        MultiverseNode nodeA = new MultiverseNode(Piece.of("A"), Math.log(a), a, false, a * 0.25, List.of(x, y));
        MultiverseNode nodeB = node("B", b, b);
        MultiverseNode root = new MultiverseNode(Piece.EMPTY, 0, 1, false, 1 - a - b, List.of(nodeA, nodeB));
        return new Multiverse(new MultiverseSettings(2, 2, 0), List.of(), 1, root, 2);
    }

    @Test
    void blocksAreAsTallAsTheirPathsAndLabelledWhenARowTall() {
        List<String> lines = BlockPlot.lines(handMade(0.5, 0.25), 40, 8, PLAIN);
        assertEquals(8, lines.size());
        lines.forEach(line -> assertEquals(40, line.length(), "'" + line + "'"));
        assertEquals("█ A 50%             █ x 50%             ", lines.get(0));
        assertEquals("█                   █                   ", lines.get(1));
        assertEquals("█                   ▒ y 25%             ", lines.get(2), "y: a quarter down, a row tall");
        assertEquals("█                                       ", lines.get(3), "A's unexplored quarter is empty");
        assertEquals("▒ B 25%                                 ", lines.get(4));
        assertEquals("▒                                       ", lines.get(5));
        assertEquals(" ".repeat(40), lines.get(6));
    }

    @Test
    void withColourAnEdgeInsideARowIsAnEighthBlockInBothColours() {
        List<String> lines = BlockPlot.lines(handMade(0.6, 0.25), 40, 8, TRUECOLOR);
        String edgeRow = lines.get(4); // A ends at 4.8 rows: B fills the lowest fifth of row 4
        String colours = TRUECOLOR.sgr(0.25, false, true) + ";" + TRUECOLOR.sgr(0.6, true, false);
        assertTrue(edgeRow.startsWith("\u001b[" + colours + "m▂\u001b[0m"), edgeRow);
        String lastRow = lines.get(6); // B ends at 6.8 rows, above an empty stretch: reverse video
        assertTrue(lastRow.startsWith("\u001b[7;" + TRUECOLOR.sgr(0.25, false, true) + "m▂\u001b[0m"), lastRow);
    }

    @Test
    void deepTreesShowTheDepthsThatFit() {
        Multiverse m = handMade(0.5, 0.25);
        assertEquals(2, BlockPlot.depthsShown(m, 40));
        assertEquals(1, BlockPlot.depthsShown(m, 12));
        List<String> narrow = BlockPlot.lines(m, 12, 4, PLAIN);
        assertEquals("█ A 50%     ", narrow.get(0));
    }

    private static MultiverseNode node(String text, double p, double path) {
        return new MultiverseNode(Piece.of(text), Math.log(p), path, false, 0, List.of());
    }
}
