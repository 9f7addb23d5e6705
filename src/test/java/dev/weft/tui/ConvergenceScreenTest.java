package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tui.keys.Action;
import dev.weft.tui.state.ConvergenceView;
import dev.weft.tui.state.Overlay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The convergence view at 80×24 on the embedded test model: four completions sampled from one prompt. */
class ConvergenceScreenTest {
    private TuiHarness h;

    @BeforeEach
    void start() throws Exception {
        h = TuiHarness.start(80, 24, TestModels.embedded());
        h.press(Action.EDIT).type("Mr President, I would like to").press(Action.COMMIT);
        h.command("set n 4").command("set max-tokens 40").press(Action.GENERATE);
    }

    @Test
    void endingsAlignedWithTheirFigures() {
        h.press(Action.CONVERGENCE_VIEW);
        Golden.assertScreen("convergence", h.screenText());
        h.press(Action.ROW_DOWN);
        Golden.assertScreen("convergence-selected", h.screenText());
    }

    @Test
    void theSharedTailIsMarked() {
        h.press(Action.CONVERGENCE_VIEW);
        ConvergenceView v = ((Overlay.Convergence) h.state().overlay()).view();
        assertTrue(v.branches().get(1).shared() > 0, "the perturbed branch shares a tail with the reference");
        var last = h.cell(79, 4);
        assertTrue(last.isUnderlined(), "the last cell of the second branch is in the shared tail");
        assertEquals(false, h.cell(0, 2).isUnderlined() && v.branches().get(0).shared() < 80,
                "the start of the reference's row is before its shared tail");
    }
}
