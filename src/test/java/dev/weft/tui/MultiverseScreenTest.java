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

/** The multiverse view on the embedded test model: the blocks, a zoom that looks further, and a path added to the tree. */
class MultiverseScreenTest {
    private TuiHarness h;

    @BeforeEach
    void start() throws Exception {
        h = at(80, 24);
    }

    private static TuiHarness at(int cols, int rows) throws Exception {
        TuiHarness t = TuiHarness.start(cols, rows, TestModels.embedded());
        return t.press(Action.EDIT).type("Are bugs real? It depends on what you").press(Action.COMMIT)
                .press(Action.TEXT_END);
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
    void theWholeScreenAtHundredColumnsWithThePathsBelow() throws Exception {
        TuiHarness t = at(100, 30).press(Action.MULTIVERSE_VIEW);
        Golden.assertScreen("multiverse-100x30", t.screenText());
        assertTrue(t.screenText().contains("most probable paths"));
        t.press(Action.ZOOM_IN);
        Golden.assertScreen("multiverse-100x30-zoomed", t.screenText());
        t.press(Action.BLOCK_DOWN).press(Action.ADD_PATH);
        Golden.assertScreen("multiverse-100x30-picked", t.screenText());
        assertTrue(t.screenText().contains("#1 picked"), "the status bar names the origin");
    }

    @Test
    void wideScreensListThePathsBesideThePlot() throws Exception {
        TuiHarness t = at(200, 50).press(Action.MULTIVERSE_VIEW);
        Golden.assertScreen("multiverse-200x50", t.screenText());
        t.press(Action.ZOOM_IN);
        Golden.assertScreen("multiverse-200x50-zoomed", t.screenText());
    }

    @Test
    void zoomLooksFurtherBelowTheBlock() {
        h.press(Action.MULTIVERSE_VIEW);
        var before = ((Overlay.Multiverse) h.state().overlay()).view();
        int deepest = before.multiverse().root().children().get(0).height();
        h.press(Action.ZOOM_IN);
        var after = ((Overlay.Multiverse) h.state().overlay()).view();
        assertEquals(before.multiverse().settings().depth(), after.shown().root().height(),
                "the zoomed block is expanded as deep as the settings say, below it");
        assertTrue(after.shown().root().height() > deepest, "deeper than the first expansion reached under it");
        assertTrue(after.multiverse().modelCalls() > before.multiverse().modelCalls());
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
        int row = 1 + h.screenText().lines().skip(1).toList().indexOf(h.screenText().lines().skip(1)
                .filter(l -> l.contains("␣mean")).findFirst().orElseThrow());
        assertTrue(h.cell(3, row).isReversed() || h.cell(3, row).getBackgroundColor() != h.cell(0, row).getBackgroundColor(),
                "the selected block's label is marked");
    }
}
