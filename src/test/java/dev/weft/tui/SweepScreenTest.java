package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.Token;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sweep view of {@code :sweep} at 80×24 on the embedded test model (seeded sampling). */
class SweepScreenTest {
    private TuiHarness h;

    @BeforeEach
    void start() throws Exception {
        h = TuiHarness.start(80, 24, TestModels.embedded());
        h.press(Action.EDIT).type("Mr President, I would like to").press(Action.COMMIT).press(Action.TEXT_END);
        h.command("set max-tokens 16").command("sweep 0,1,1.9 6")
                .awaitState(s -> s.overlay() instanceof Overlay.Sweep w && w.view().slots().stream().noneMatch(x -> x.pending()));
    }

    @Test
    void rowsWithTheirFiguresAndSamples() {
        Golden.assertScreen("sweep", h.screenText());
        h.press(Action.PAGE_DOWN);
        Golden.assertScreen("sweep-scrolled", h.screenText());
    }

    @Test
    void theCursorWalksTheSamplesAndOneOpensWhole() throws Exception {
        h.press(Action.CURSOR_DOWN, 9);
        Golden.assertScreen("sweep-selected", h.screenText());
        h.press(Action.OPEN_SAMPLE);
        Golden.assertScreen("sweep-whole", h.screenText());
        TuiHarness wide = TuiHarness.start(100, 30, TestModels.embedded());
        wide.press(Action.EDIT).type("Mr President, I would like to").press(Action.COMMIT).press(Action.TEXT_END);
        wide.command("set max-tokens 40").command("sweep 0,1,1.9 6")
                .awaitState(s -> s.overlay() instanceof Overlay.Sweep w && w.view().settled());
        Golden.assertScreen("sweep-100x30", wide.screenText());
        wide.press(Action.CURSOR_DOWN, 9);
        Golden.assertScreen("sweep-100x30-selected", wide.screenText());
        wide.press(Action.OPEN_SAMPLE);
        Golden.assertScreen("sweep-100x30-whole", wide.screenText());
        wide.press(Action.ADD_SAMPLE);
        Golden.assertScreen("sweep-100x30-added", wide.screenText());
    }

    @Test
    void aSampleIsColouredByItsTokensProbability() {
        Token first = ((Overlay.Sweep) h.state().overlay()).view().slots().get(0).row().samples().get(0).tokens().get(0);
        Theme theme = h.state().settings().theme();
        Palette palette = new Palette(ColorDepth.TRUECOLOR);
        int col = 7 + (first.piece().text().startsWith(" ") ? 1 : 0); // after "   #1  ", on a letter
        assertEquals(palette.ink(theme.probability(first.probability()).over(theme.style(Part.TEXT))).fg(),
                h.cell(col, 3).getForegroundColor(), "the first token of the first sample at T 0");
    }
}
