package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.analysis.CandidateProbability;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The distribution view of {@code :dist} at 80×24 on the embedded test model: bars, scrolled, sorted. */
class DistributionScreenTest {
    private TuiHarness h;

    @BeforeEach
    void start() throws Exception {
        h = TuiHarness.start(80, 24, TestModels.embedded());
        h.press(Action.EDIT).type("Mr President, I would like to").press(Action.COMMIT).press(Action.TEXT_END);
    }

    private void scored() {
        h.command("dist thank,say,ask,point,make,express,congratulate,welcome,stress,begin,draw,add,mention,remind,raise,emphasise,comment,refer,support,vote,see,know,hear,go").awaitState(s -> s.overlay() instanceof Overlay.Distribution d && d.view().distribution() != null);
    }

    @Test
    void barsScrollAndSort() {
        scored();
        Golden.assertScreen("distribution", h.screenText());
        h.press(Action.LAST_ROW);
        Golden.assertScreen("distribution-scrolled", h.screenText());
        h.press(Action.SORT_BARS);
        Golden.assertScreen("distribution-sorted", h.screenText());
    }

    @Test
    void barsAt100By30() throws Exception {
        h = TuiHarness.start(100, 30, TestModels.embedded());
        h.press(Action.EDIT).type("Mr President, I would like to").press(Action.COMMIT).press(Action.TEXT_END);
        scored();
        Golden.assertScreen("distribution-100x30", h.screenText());
    }

    @Test
    void aBarIsPaintedInItsCandidatesProbabilityColour() {
        scored();
        CandidateProbability say = ((Overlay.Distribution) h.state().overlay()).view().distribution().candidates().get(1);
        Theme theme = h.state().settings().theme();
        Palette palette = new Palette(ColorDepth.TRUECOLOR);
        int col = 14; // labels are right-aligned in 12 columns ("congratulate"), then two spaces
        assertEquals("█", h.cell(col, 3).getCharacterString(), "say is the top choice: a full bar");
        assertEquals(palette.ink(theme.probability(say.probability()).over(theme.style(Part.TEXT))).fg(),
                h.cell(col, 3).getForegroundColor(), "the bar of \"say\", the second candidate");
    }
}
