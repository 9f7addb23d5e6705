package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.MultiverseNode;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The multiverse view at 80×24 on the embedded test model: the blocks, a zoom, and a path added to the tree. */
class MultiverseScreenTest {
    private TuiHarness h;

    @BeforeEach
    void start() throws Exception {
        h = TuiHarness.start(80, 24, TestModels.embedded());
        h.press(Action.EDIT).type("Are bugs real? It depends on what you").press(Action.COMMIT).press(Action.TEXT_END);
    }

    @Test
    void blocksZoomAndAddAPath() {
        h.press(Action.MULTIVERSE_VIEW);
        Golden.assertScreen("multiverse", h.screenText());
        h.press(Action.ZOOM_IN);
        Golden.assertScreen("multiverse-zoomed", h.screenText());
        h.press(Action.BLOCK_DOWN).press(Action.ADD_PATH);
        Golden.assertScreen("multiverse-added", h.screenText());
    }

    @Test
    void theLikeliestBlockIsPaintedInItsProbabilityColourAndItsLabelIsSelected() {
        h.press(Action.MULTIVERSE_VIEW);
        MultiverseNode first = ((Overlay.Multiverse) h.state().overlay()).view().multiverse().root().children().get(0);
        Theme theme = h.state().settings().theme();
        Palette palette = new Palette(ColorDepth.TRUECOLOR);
        assertEquals(palette.ink(theme.probability(first.probability()).over(theme.style(Part.TEXT))).fg(),
                h.cell(0, 1).getForegroundColor(), "the bar of the first block, on the row under the heading");
        assertEquals("█", h.cell(0, 1).getCharacterString());
        assertTrue(h.cell(3, 1).isReversed() || h.cell(3, 1).getBackgroundColor() != h.cell(0, 1).getBackgroundColor(),
                "the selected block's label is marked");
    }
}
