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

    static final dev.weft.tui.state.Backend TINY = UpdateDistributionTest.TINY;
    static final java.time.Instant LATER = UpdateDistributionTest.LATER;

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
        UiState s = Update.update(next.state(), new Msg.SweepRowArrived(v.slots().get(1).request(), TINY, row(1, 2), LATER)).state();
        assertTrue(view(s).slots().get(0).pending());
        assertEquals(2, view(s).slots().get(1).row().samples().size());
        s = Update.update(s, new Msg.AnalysisFailed(v.slots().get(0).request(), "boom")).state();
        assertEquals("boom", view(s).slots().get(0).failure());
        assertNull(view(s).slots().get(0).row());
        assertTrue(s.requests().isEmpty());
        assertTrue(s.message().error());
    }

    private static UiState press(UiState s, Action... actions) {
        for (Action a : actions) {
            s = Update.update(s, key(s, a)).state();
        }
        return s;
    }

    @Test
    void theRunIsKeptOnceWhenEveryRowIsInWithEachSampleAtItsTemperature() {
        Next next = sweep("sweep 0,1.4 2");
        SweepView v = view(next.state());
        Next first = Update.update(next.state(), new Msg.SweepRowArrived(v.slots().get(1).request(), TINY, row(1.4, 2), LATER));
        assertTrue(first.effects().isEmpty(), "not kept while a row is still sampling");
        Next last = Update.update(first.state(), new Msg.AnalysisFailed(v.slots().get(0).request(), "boom"));
        Effect.RecordAnalysis kept = assertInstanceOf(Effect.RecordAnalysis.class, last.effects().get(0));
        dev.weft.analysis.SweepRecord r = assertInstanceOf(dev.weft.analysis.SweepRecord.class, kept.record());
        assertEquals("Are bugs real? Yes", r.context());
        assertEquals(UiFixtures.id(1), r.node());
        assertEquals(2, r.n());
        dev.weft.analysis.SweepRecord.Run run = r.runs().get(0);
        assertEquals("tiny", run.side().profile());
        assertEquals("boom", run.rows().get(0).failure());
        assertEquals(1.4, run.rows().get(1).temperature());
        assertEquals(2, run.rows().get(1).samples().size());
        dev.weft.loom.Generation g = run.rows().get(1).samples().get(0).generation();
        assertEquals(1.4, g.params().temperature());
        assertEquals(2, g.params().n());
        assertEquals("tiny-1", g.model());
        assertEquals(LATER, g.at());
        assertTrue(view(last.state()).recorded());
        UiState closed = Update.update(last.state(), key(last.state(), Action.CLOSE)).state();
        assertEquals(Overlay.NONE, closed.overlay());
        assertTrue(Update.update(last.state(), key(last.state(), Action.CLOSE)).effects().isEmpty(), "kept once");
    }

    @Test
    void closingWithSomeRowsInKeepsThemAndSaysWhichDidNotArrive() {
        Next next = sweep("sweep 0,1 2");
        SweepView v = view(next.state());
        UiState s = Update.update(next.state(), new Msg.SweepRowArrived(v.slots().get(0).request(), TINY, row(0, 2), LATER)).state();
        Next closed = Update.update(s, key(s, Action.CLOSE));
        dev.weft.analysis.SweepRecord r = (dev.weft.analysis.SweepRecord)
                assertInstanceOf(Effect.RecordAnalysis.class, closed.effects().get(0)).record();
        assertEquals("closed before it arrived", r.runs().get(0).rows().get(1).failure());
        assertEquals(2, r.runs().get(0).rows().get(0).samples().size());
        assertTrue(Update.update(next.state(), key(next.state(), Action.CLOSE)).effects().isEmpty(),
                "nothing arrived: nothing kept");
    }

    @Test
    void aSampleIsOpenedWholeAndAddedWhereTheContextEndsAsASampleAtItsTemperature() {
        Next next = sweep("sweep 0,1.4 2");
        UiState s = next.state();
        for (SweepView.Slot slot : view(s).slots()) {
            s = Update.update(s, new Msg.SweepRowArrived(slot.request(), TINY, row(slot.temperature(), 2), LATER)).state();
        }
        s = press(s, Action.CURSOR_DOWN, Action.CURSOR_DOWN, Action.CURSOR_DOWN);
        assertEquals(4, view(s).selected(), "figures of T=0, #1, #2, figures of T=1.4, #1");
        assertEquals(1, view(s).sampleAt(4)[0]);
        s = press(s, Action.OPEN_SAMPLE);
        assertTrue(view(s).whole());
        Next added = Update.update(s, key(s, Action.ADD_SAMPLE));
        UiState a = added.state();
        // the cursor was on " Yes", token 0 of #1: #1 is split after it and the sample hangs there
        assertInstanceOf(dev.weft.loom.LoomAction.Split.class, ((Effect.Journal) added.effects().get(0)).action());
        dev.weft.loom.LoomAction.Append append = assertInstanceOf(dev.weft.loom.LoomAction.Append.class,
                ((Effect.Journal) added.effects().get(1)).action());
        assertEquals(UiFixtures.id(1), append.parent());
        assertEquals(dev.weft.loom.Origin.MODEL, append.origin());
        assertEquals(1.4, append.generation().params().temperature());
        assertEquals(" yes", append.tokens().text());
        assertEquals(append.tokens().text(), a.loom().node(a.focus().current()).tokens().text());
        assertEquals("Are bugs real? Yes yes", a.loom().pathText(a.focus().current()));
        assertTrue(a.message().text().startsWith("added sample #1 at T=1.4"), a.message().text());
        assertInstanceOf(Overlay.Sweep.class, a.overlay(), "the view stays open for more");
        UiState twice = Update.update(a, key(a, Action.ADD_SAMPLE)).state();
        assertEquals(a.loom().size() + 1, twice.loom().size(), "no second split: the context ends at #1's end now");
    }

    @Test
    void closingDropsTheRowsStillSampling() {
        Next next = sweep("sweep 0,1 2");
        long first = view(next.state()).slots().get(0).request();
        UiState closed = Update.update(next.state(), key(next.state(), Action.CLOSE)).state();
        assertEquals(Overlay.NONE, closed.overlay());
        assertTrue(closed.requests().isEmpty());
        assertEquals(Overlay.NONE, Update.update(closed, new Msg.SweepRowArrived(first, TINY, row(0, 2), LATER)).state().overlay());
    }

    @Test
    void theLinesScrollWithinWhatArrived() {
        Next next = sweep("sweep 0,1 20");
        UiState s = next.state();
        for (SweepView.Slot slot : view(s).slots()) {
            s = Update.update(s, new Msg.SweepRowArrived(slot.request(), TINY, row(slot.temperature(), 20), LATER)).state();
        }
        assertEquals(42, view(s).lines());
        s = Update.update(s, key(s, Action.CURSOR_DOWN)).state();
        assertEquals(1, view(s).selected(), "the cursor on the first sample");
        for (int i = 0; i < 30; i++) {
            s = Update.update(s, key(s, Action.CURSOR_DOWN)).state();
        }
        assertEquals(32, view(s).selected(), "the 20 of T=0, the figures of T=1 skipped, the 11th of T=1");
        assertEquals(32 - SweepKeys.lineRows(new Step(s, UiFixtures.NOW)) + 1, view(s).top(), "scrolled to keep it in sight");
        s = Update.update(s, key(s, Action.PAGE_DOWN)).state();
        s = Update.update(s, key(s, Action.PAGE_DOWN)).state();
        assertEquals(42 - SweepKeys.lineRows(new Step(s, UiFixtures.NOW)), view(s).top(), "the last line on the last row");
        s = Update.update(s, key(s, Action.PAGE_UP)).state();
        s = Update.update(s, key(s, Action.PAGE_UP)).state();
        assertEquals(0, view(s).top());
    }
}
