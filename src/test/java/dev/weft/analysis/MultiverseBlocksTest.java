package dev.weft.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.model.Prompt;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiverseBlocksTest {
    /** Q → A .6, B .3 (C .1 left out by top 2); A → x .5, y .5; B → x .9 (y under the floor). */
    private static Multiverse handMade() throws Exception {
        TableModel model = new TableModel(false)
                .after("Q", "A", 0.6, "B", 0.3, "C", 0.1)
                .after("QA", "x", 0.5, "y", 0.5)
                .after("QB", "x", 0.9, "y", 0.1);
        return MultiverseExpansion.expand(NextTokens.of(model), Prompt.of("Q"), new MultiverseSettings(2, 2, 0.05));
    }

    @Test
    void blocksNestInTheirParentsSpanMostLikelyOnTop() throws Exception {
        MultiverseBlocks blocks = MultiverseBlocks.of(handMade());
        List<MultiverseBlocks.Block> second = blocks.levels().get(1);
        assertEquals(List.of(List.of(0, 0), List.of(0, 1), List.of(1, 0)),
                second.stream().map(MultiverseBlocks.Block::path).toList());
        assertEquals(0.6, second.get(2).top(), 1e-12, "B's child starts where B starts");
        assertEquals(0.87, second.get(2).bottom(), 1e-12);
        assertTrue(second.get(1).odd());
    }

    @Test
    void anEdgeInsideARowIsSharedInEighths() throws Exception {
        MultiverseBlocks blocks = MultiverseBlocks.of(handMade());
        // 10 rows: A spans rows 0-5, B rows 6-8, nothing below .9
        MultiverseBlocks.Cell solid = blocks.cell(0, 2, 10);
        assertTrue(solid.solid());
        assertEquals("A", solid.above().node().piece().text());
        // 4 rows: the A/B edge at .6 lies inside row 2 (.5 to .75): .6 of that row is B's, 4.8 eighths
        MultiverseBlocks.Cell edge = blocks.cell(0, 2, 4);
        assertEquals("A", edge.above().node().piece().text());
        assertEquals("B", edge.below().node().piece().text());
        assertEquals(0.6, edge.belowShare(), 1e-12);
        assertEquals(5, edge.belowEighths());
        MultiverseBlocks.Cell bottom = blocks.cell(0, 3, 4);
        assertNull(bottom.below(), "the unexplored tenth at the bottom is empty");
        assertSame(edge.below(), bottom.above());
    }

    @Test
    void aBlockIsLabelledOnItsFirstWholeRow() throws Exception {
        MultiverseBlocks blocks = MultiverseBlocks.of(handMade());
        assertEquals("A", blocks.labelled(0, 0, 4).node().piece().text());
        assertNull(blocks.labelled(0, 2, 4), "B (.6 to .9) has no whole row at 4 rows");
        assertEquals("B", blocks.labelled(0, 6, 10).node().piece().text());
    }
}
