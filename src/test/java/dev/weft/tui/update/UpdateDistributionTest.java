package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.CandidateDistribution;
import dev.weft.analysis.CandidateProbability;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.DistributionView;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The distribution view of {@code :dist} over the fixture, cursor on " Yes". */
class UpdateDistributionTest {

    private static UiState press(UiState s, Action... actions) {
        for (Action a : actions) {
            s = Update.update(s, key(s, a)).state();
        }
        return s;
    }

    /** The backend in use answered (its name null: the one in use), a second after the command. */
    static final dev.weft.tui.state.Backend TINY = new dev.weft.tui.state.Backend(null, "tiny", "tiny-1",
            new dev.weft.model.Capabilities(5, true, true, true, false, false));
    static final java.time.Instant LATER = UiFixtures.NOW.plusSeconds(1);

    @Test
    void arrivedScoresAreKeptInTheSessionWithWhereWhatAndWho() {
        Next opened = Update.update(UiFixtures.withCompletion(), new Msg.CommandEntered("dist 0..2", UiFixtures.NOW));
        long request = view(opened.state()).request();
        Next arrived = Update.update(opened.state(), new Msg.CandidatesScored(request, TINY, numbers(3), LATER));
        Effect.RecordAnalysis kept = assertInstanceOf(Effect.RecordAnalysis.class, arrived.effects().get(0));
        dev.weft.analysis.DistRecord r = assertInstanceOf(dev.weft.analysis.DistRecord.class, kept.record());
        assertEquals(LATER, r.at());
        assertEquals(UiFixtures.id(1), r.node());
        assertEquals(0, r.cursor(), "the cursor's token in #1: \" Yes\"");
        assertEquals("Are bugs real? Yes", r.context());
        assertEquals("0..2", r.spec());
        assertEquals(" ", r.prefix());
        assertEquals(new dev.weft.analysis.AnalysisRecord.Side("tiny", "tiny", "tiny-1"), r.runs().get(0).side());
        assertEquals(numbers(3), r.runs().get(0).distribution());
        assertTrue(arrived.state().message().text().endsWith("kept in the session"), arrived.state().message().text());
        UiState closed = press(opened.state(), Action.CLOSE);
        assertTrue(Update.update(closed, new Msg.CandidatesScored(request, TINY, numbers(3), LATER)).effects().isEmpty(),
                "a closed view's late answer is not kept");
    }

    private static DistributionView view(UiState s) {
        return assertInstanceOf(Overlay.Distribution.class, s.overlay()).view();
    }

    private static CandidateDistribution numbers(int count) {
        List<CandidateProbability> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(CandidateProbability.exact(Integer.toString(i), " " + i, i == 7 ? 0.5 : 0.01));
        }
        return new CandidateDistribution(out);
    }

    private static UiState arrived(int count) {
        Next opened = Update.update(UiFixtures.withCompletion(), new Msg.CommandEntered("dist 0.." + (count - 1), UiFixtures.NOW));
        long request = view(opened.state()).request();
        return Update.update(opened.state(), new Msg.CandidatesScored(request, TINY, numbers(count), LATER)).state();
    }

    @Test
    void distAsksForTheCandidatesAfterTheCursorsToken() {
        Next next = Update.update(UiFixtures.withCompletion(), new Msg.CommandEntered("dist 1..3", UiFixtures.NOW));
        DistributionView v = view(next.state());
        assertEquals("Are bugs real? Yes", v.context());
        assertNull(v.distribution());
        Effect.ScoreCandidates effect = assertInstanceOf(Effect.ScoreCandidates.class, next.effects().get(0));
        assertEquals(List.of("1", "2", "3"), effect.candidates());
        assertEquals("Are bugs real? Yes", effect.context().text());
        assertEquals(" ", effect.prefix());
        assertNull(effect.file());
        assertTrue(next.state().requests().containsKey(v.request()));
    }

    @Test
    void aFileIsReadByTheEffectNotByUpdate() {
        Next next = Update.update(UiFixtures.withCompletion(), new Msg.CommandEntered("dist @answers.txt", UiFixtures.NOW));
        Effect.ScoreCandidates effect = assertInstanceOf(Effect.ScoreCandidates.class, next.effects().get(0));
        assertEquals("answers.txt", effect.file());
        assertEquals(List.of(), effect.candidates());
    }

    @Test
    void candidateListsAreReadAsWeftDistReadsThem() {
        assertEquals(List.of("yes", "no", "maybe"), DistributionKeys.candidates("yes, no ,maybe"));
        assertEquals(List.of("-1", "0", "1"), DistributionKeys.candidates("-1..1"));
        assertThrows(IllegalArgumentException.class, () -> DistributionKeys.candidates("3..1"));
        assertThrows(IllegalArgumentException.class, () -> DistributionKeys.candidates("a,,b"));
        assertThrows(IllegalArgumentException.class, () -> DistributionKeys.candidates("a,a"));
        UiState bad = Update.update(UiFixtures.withCompletion(), new Msg.CommandEntered("dist 3..1", UiFixtures.NOW)).state();
        assertEquals(Overlay.NONE, bad.overlay());
        assertTrue(bad.message().error());
    }

    @Test
    void theScoresArriveAndScrollWithinTheCandidates() {
        UiState s = arrived(101);
        DistributionView v = view(s);
        assertEquals(0, v.request());
        assertEquals(101, v.distribution().candidates().size());
        assertTrue(s.requests().isEmpty());
        assertEquals(1, view(press(s, Action.ROW_DOWN)).top());
        assertEquals(0, view(press(s, Action.ROW_UP)).top(), "stops at the top");
        int rows = DistributionKeys.barRows(new Step(s, UiFixtures.NOW));
        assertEquals(101 - rows, view(press(s, Action.LAST_ROW)).top(), "the last bar on the last row");
        assertEquals(101 - rows, view(press(s, Action.LAST_ROW, Action.ROW_DOWN)).top());
        assertEquals(rows, view(press(s, Action.PAGE_DOWN)).top());
        assertEquals(0, view(press(s, Action.PAGE_DOWN, Action.FIRST_ROW)).top());
    }

    @Test
    void fewCandidatesDoNotScroll() {
        assertEquals(0, view(press(arrived(3), Action.ROW_DOWN)).top());
    }

    @Test
    void sortTogglesAndGoesBackToTheTop() {
        UiState s = press(arrived(101), Action.ROW_DOWN, Action.SORT_BARS);
        assertTrue(view(s).sorted());
        assertEquals(0, view(s).top());
        assertEquals(false, view(press(s, Action.SORT_BARS)).sorted());
    }

    @Test
    void aResultForAClosedViewIsDroppedAndAFailureClosesTheView() {
        Next opened = Update.update(UiFixtures.withCompletion(), new Msg.CommandEntered("dist a,b", UiFixtures.NOW));
        long request = view(opened.state()).request();
        UiState closed = press(opened.state(), Action.CLOSE);
        assertTrue(closed.requests().isEmpty());
        assertEquals(Overlay.NONE, Update.update(closed, new Msg.CandidatesScored(request, TINY, numbers(2), LATER)).state().overlay());
        UiState failed = Update.update(opened.state(), new Msg.AnalysisFailed(request, "boom")).state();
        assertEquals(Overlay.NONE, failed.overlay());
        assertTrue(failed.message().text().startsWith("dist failed"));
    }
}
