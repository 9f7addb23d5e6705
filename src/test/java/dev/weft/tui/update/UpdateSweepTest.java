package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.SweepRow;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.command.Command;
import dev.weft.tui.command.CommandParser;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.SweepView;
import dev.weft.tui.state.UiState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep view of {@code :sweep} over the fixture, cursor on " Yes". */
class UpdateSweepTest {

    private static SweepView view(UiState s) {
        return assertInstanceOf(Overlay.Sweep.class, s.overlay()).view();
    }

    private static SweepRow row(double t, int samples) {
        List<Completion> out = new java.util.ArrayList<>();
        for (int i = 0; i < samples; i++) {
            out.add(new Completion(List.of(Token.of(" yes", Math.log(0.9), List.of())), FinishReason.STOP));
        }
        return SweepRow.of(t, out);
    }

    private static Next sweep(String line) {
        return Update.update(UiFixtures.withCompletion(), new Msg.CommandEntered(line, UiFixtures.NOW));
    }

    @Test
    void oneEffectPerTemperatureWithTheSamplesAsked() {
        Next next = sweep("sweep 0,0.7,1.4 3");
        SweepView v = view(next.state());
        assertEquals("Are bugs real? Yes", v.context());
        assertEquals(3, v.n());
        assertEquals(3, next.effects().size());
        for (int i = 0; i < 3; i++) {
            Effect.SampleSweepRow e = assertInstanceOf(Effect.SampleSweepRow.class, next.effects().get(i));
            assertEquals(List.of(0.0, 0.7, 1.4).get(i), e.params().temperature());
            assertEquals(3, e.params().n());
            assertEquals("Are bugs real? Yes", e.context().text());
            assertEquals(v.slots().get(i).request(), e.request());
            assertTrue(v.slots().get(i).pending());
        }
        assertEquals(3, next.state().requests().size());
    }

    @Test
    void theCommandLineDefaultsToFiveSamplesAndChecksItsArguments() {
        assertEquals(new Command.Sweep(List.of(0.0, 1.0), CommandParser.SWEEP_SAMPLES), CommandParser.parse("sweep 0,1"));
        assertThrows(IllegalArgumentException.class, () -> CommandParser.parse("sweep"));
        assertThrows(IllegalArgumentException.class, () -> CommandParser.parse("sweep 0,x"));
        assertThrows(IllegalArgumentException.class, () -> CommandParser.parse("sweep -1"));
        assertThrows(IllegalArgumentException.class, () -> CommandParser.parse("sweep 1 0"));
    }

    @Test
    void rowsFillInAsTheyArriveInAnyOrder() {
        Next next = sweep("sweep 0,1 2");
        SweepView v = view(next.state());
        UiState s = Update.update(next.state(), new Msg.SweepRowArrived(v.slots().get(1).request(), row(1, 2))).state();
        assertTrue(view(s).slots().get(0).pending());
        assertEquals(2, view(s).slots().get(1).row().samples().size());
        s = Update.update(s, new Msg.AnalysisFailed(v.slots().get(0).request(), "boom")).state();
        assertEquals("boom", view(s).slots().get(0).failure());
        assertNull(view(s).slots().get(0).row());
        assertTrue(s.requests().isEmpty());
        assertTrue(s.message().error());
    }

    @Test
    void closingDropsTheRowsStillSampling() {
        Next next = sweep("sweep 0,1 2");
        long first = view(next.state()).slots().get(0).request();
        UiState closed = Update.update(next.state(), key(next.state(), Action.CLOSE)).state();
        assertEquals(Overlay.NONE, closed.overlay());
        assertTrue(closed.requests().isEmpty());
        assertEquals(Overlay.NONE, Update.update(closed, new Msg.SweepRowArrived(first, row(0, 2))).state().overlay());
    }

    @Test
    void theLinesScrollWithinWhatArrived() {
        Next next = sweep("sweep 0,1 20");
        UiState s = next.state();
        for (SweepView.Slot slot : view(s).slots()) {
            s = Update.update(s, new Msg.SweepRowArrived(slot.request(), row(slot.temperature(), 20))).state();
        }
        assertEquals(42, view(s).lines());
        s = Update.update(s, key(s, Action.CURSOR_DOWN)).state();
        assertEquals(1, view(s).top());
        s = Update.update(s, key(s, Action.PAGE_DOWN)).state();
        s = Update.update(s, key(s, Action.PAGE_DOWN)).state();
        assertEquals(42 - SweepKeys.lineRows(new Step(s, UiFixtures.NOW)), view(s).top(), "the last line on the last row");
        s = Update.update(s, key(s, Action.PAGE_UP)).state();
        s = Update.update(s, key(s, Action.PAGE_UP)).state();
        assertEquals(0, view(s).top());
    }
}
