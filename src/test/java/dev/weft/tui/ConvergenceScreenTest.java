package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.session.SessionStore;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.ConvergenceView;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.theme.ColorDepth;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The convergence view on {@code sessions/attractor.json}, the attractor experiment as
 * {@code weft attractor --session} records it: a temperature-0 mainline perturbed at three depths.
 */
class ConvergenceScreenTest {

    private static TuiHarness attractor(int cols, int rows) throws Exception {
        Loom loom;
        Focus saved;
        try (SessionStore store = SessionStore.openReadOnly(Path.of("sessions", "attractor.json"))) {
            loom = store.loom();
            saved = new Focus(store.view().current(), store.view().cursor());
        }
        // where the file leaves the user: the cursor on the prompt, reading the mainline down to its leaf #2
        assertEquals(new Focus(new NodeId(2), 0), saved, "opened as it is, v measures the perturbations of the mainline");
        MemorySession session = new MemorySession("attractor.json", loom, saved, Map.of());
        return TuiHarness.start(cols, rows, TestModels.embedded(), ColorDepth.TRUECOLOR, session, Runnable::run);
    }

    private static ConvergenceView view(TuiHarness h) {
        return ((Overlay.Convergence) h.state().overlay()).view();
    }

    @Test
    void onThePromptEveryPerturbationOfTheMainlineIsShown() throws Exception {
        TuiHarness h = attractor(100, 30).press(Action.CONVERGENCE_VIEW);
        ConvergenceView v = view(h);
        assertEquals(List.of(9, 6, 3), v.figures().branches().stream().map(b -> b.first().value()).toList(),
                "the three perturbations, at three depths of the mainline");
        Golden.assertScreen("convergence", h.screenText());
        h.press(Action.ROW_DOWN);
        Golden.assertScreen("convergence-selected", h.screenText());
    }

    @Test
    void atEightyColumns() throws Exception {
        TuiHarness h = attractor(80, 24).press(Action.CONVERGENCE_VIEW);
        Golden.assertScreen("small-convergence", h.screenText());
        assertFalse(h.screenText().contains("no tail shared"), "never a verdict that reads against a branch below it");
    }

    @Test
    void rOnAPerturbationMeasuresTheOthersAgainstIt() throws Exception {
        TuiHarness h = attractor(100, 30).press(Action.CONVERGENCE_VIEW).press(Action.ROW_DOWN)
                .press(Action.SET_REFERENCE);
        ConvergenceView v = view(h);
        assertEquals(new NodeId(10), v.referenceOf());
        assertTrue(v.chosen());
        assertEquals(3, v.figures().branches().size(), "the old mainline and its two other perturbations");
        Golden.assertScreen("convergence-reference", h.screenText());
    }

    @Test
    void theSharedTailIsMarked() throws Exception {
        var three = dev.weft.tui.update.UpdateConvergenceTest.threeBranches();
        MemorySession session = new MemorySession("three.json", three.loom(), three.focus(), Map.of());
        TuiHarness h = TuiHarness.start(80, 24, TestModels.embedded(), ColorDepth.TRUECOLOR, session, Runnable::run)
                .press(Action.CONVERGENCE_VIEW);
        assertEquals(". It slept on the mat.".length(), view(h).figures().branches().get(0).shared());
        assertTrue(h.cell(79, 4).isUnderlined(), "the last cell of the branch that re-joins is in the shared tail");
        assertFalse(h.cell(79 - ". It slept on the mat.".length(), 4).isUnderlined(), "the cell before it is not");
    }
}
