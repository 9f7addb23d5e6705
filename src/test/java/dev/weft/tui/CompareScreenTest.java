package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.weft.loom.Token;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.CompareView;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The compare view at 80×24 on the embedded test model (on both sides): two columns with figures, then one added to the tree. */
class CompareScreenTest {
    private TuiHarness h;

    @BeforeEach
    void start() throws Exception {
        h = TuiHarness.start(80, 24, TestModels.embedded());
        h.press(Action.EDIT).type("Are bugs real? It depends on what you").press(Action.COMMIT).press(Action.TEXT_END);
    }

    private CompareView view() {
        return assertInstanceOf(Overlay.Compare.class, h.state().overlay()).view();
    }

    @Test
    void twoColumnsWithFiguresThenTheRightOneAddedAsChildren() {
        h.command("set n 3").command("compare embedded");
        h.awaitState(s -> s.overlay() instanceof Overlay.Compare c
                && c.view().columns().stream().noneMatch(CompareView.Column::isWaiting));
        Golden.assertScreen("compare", h.screenText());
        int n = view().columns().get(1).completions().size();
        h.press(Action.COLUMN_RIGHT).press(Action.ADD_COLUMN);
        Golden.assertScreen("compare-added", h.screenText());
        dev.weft.loom.Loom loom = h.state().loom();
        assertEquals(n, loom.node(loom.node(h.state().focus().current()).parent()).children().size());
    }

    @Test
    void theFirstTokenOfTheLeftColumnIsPaintedInItsProbabilityColour() {
        h.press(Action.COMPARE_VIEW);
        h.awaitState(s -> s.overlay() instanceof Overlay.Compare c
                && c.view().columns().stream().noneMatch(CompareView.Column::isWaiting));
        Token first = view().columns().get(0).completions().get(0).tokens().get(0);
        Theme theme = h.state().settings().theme();
        Palette palette = new Palette(ColorDepth.TRUECOLOR);
        assertEquals(palette.ink(theme.probability(Math.exp(first.logprob())).over(theme.style(Part.TEXT))).fg(),
                h.cell(3, 5).getForegroundColor(), "the first token, after the completion's number, under the figures");
    }
}
