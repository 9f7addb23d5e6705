package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.id;
import static dev.weft.tui.UiFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.CompareRecord;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Node;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.CompareView;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compare view over the fixture: the path "Are bugs real? Yes, they are." continued on two backends. */
class UpdateCompareTest {
    private static final List<Completion> BASE = List.of(
            new Completion(List.of(new Token(Piece.of(" Maybe"), Math.log(0.5), List.of())), FinishReason.LENGTH),
            new Completion(List.of(new Token(Piece.of(" No"), Math.log(0.25), List.of())), FinishReason.STOP));

    private static CompareView view(UiState s) {
        return assertInstanceOf(Overlay.Compare.class, s.overlay()).view();
    }

    private static UiState press(UiState s, Action... actions) {
        for (Action a : actions) {
            s = Update.update(s, key(s, a)).state();
        }
        return s;
    }

    @Test
    void theKeyAsksTheBackendInUseAndTheEmbeddedModelForTheSamePathWithTheSameSettings() {
        UiState s = UiFixtures.withCompletion();
        Next next = Update.update(s, key(s, Action.COMPARE_VIEW));
        CompareView v = view(next.state());
        assertEquals(id(1), v.node());
        assertEquals("Are bugs real? Yes, they are.", v.context());
        Effect.CompareContinue here = assertInstanceOf(Effect.CompareContinue.class, next.effects().get(0));
        Effect.CompareContinue there = assertInstanceOf(Effect.CompareContinue.class, next.effects().get(1));
        assertNull(here.profile());
        assertEquals("embedded", there.profile());
        assertEquals(s.settings().params(), there.params());
        assertEquals(here.prompt(), there.prompt());
        assertTrue(next.state().requests().containsKey(there.request()));
    }

    @Test
    void eachSideArrivesWithItsFiguresAndTheRightOneIsAddedAsChildren() {
        UiState s = Update.update(UiFixtures.withCompletion(), new Msg.CommandEntered(":compare base", UiFixtures.NOW)).state();
        long right = view(s).columns().get(1).request();
        s = Update.update(s, new Msg.CompareArrived(right, "openai", "base-1", BASE)).state();
        CompareView.Column column = view(s).columns().get(1);
        assertEquals("base", column.profile());
        assertEquals(Math.log(0.5) / 2 + Math.log(0.25) / 2, column.figures().pooled().meanLogprob(), 1e-6); // logprobs are stored as floats
        assertTrue(view(s).columns().get(0).isWaiting());

        s = press(s, Action.COLUMN_RIGHT, Action.ADD_COLUMN);
        assertEquals(Overlay.NONE, s.overlay());
        List<?> children = s.loom().node(id(1)).children();
        assertEquals(2, children.size());
        Node first = s.loom().node(s.focus().current());
        assertEquals(" Maybe", first.tokens().text());
        assertEquals("base-1", first.generation().model());
    }

    @Test
    void theResultIsKeptOnceBothSidesAreInOrWhenTheViewClosesWithOne() {
        UiState opened = Update.update(UiFixtures.withCompletion(), new Msg.CommandEntered(":compare base", UiFixtures.NOW))
                .state();
        long left = view(opened).columns().get(0).request();
        long right = view(opened).columns().get(1).request();
        Next half = Update.update(opened, new Msg.CompareArrived(right, "openai", "base-1", BASE));
        assertTrue(half.effects().stream().noneMatch(e -> e instanceof Effect.RecordAnalysis), "one side still sampling");
        java.time.Instant last = java.time.Instant.parse("2026-12-07T19:00:00Z");
        Next both = Update.update(half.state(), new Msg.CompareFailed(left, "HTTP 503", last));
        Effect.RecordAnalysis kept = assertInstanceOf(Effect.RecordAnalysis.class, both.effects().stream()
                .filter(e -> e instanceof Effect.RecordAnalysis).findFirst().orElseThrow());
        CompareRecord r = assertInstanceOf(CompareRecord.class, kept.record());
        assertEquals(last, r.at(), "when the last side came in");
        assertEquals("Are bugs real? Yes, they are.", r.context());
        assertEquals(id(1), r.node());
        assertEquals("HTTP 503", r.runs().get(0).failure());
        assertEquals(new AnalysisRecord.Side("base", "openai", "base-1"), r.runs().get(1).side());
        assertEquals(List.of(" Maybe", " No"), r.runs().get(1).samples().stream().map(x -> x.tokens().text()).toList());
        assertEquals(opened.settings().params(), r.runs().get(1).samples().get(0).generation().params());
        assertTrue(view(both.state()).recorded());
        Next closed = Update.update(both.state(), key(both.state(), Action.CLOSE));
        assertTrue(closed.effects().stream().noneMatch(e -> e instanceof Effect.RecordAnalysis), "kept once");

        // closed with one side in: kept, the other side said to have not arrived
        Next early = Update.update(half.state(), key(half.state(), Action.CLOSE));
        CompareRecord partial = (CompareRecord) ((Effect.RecordAnalysis) early.effects().stream()
                .filter(e -> e instanceof Effect.RecordAnalysis).findFirst().orElseThrow()).record();
        assertEquals("the view closed before it arrived", partial.runs().get(0).failure());
        assertEquals(opened.settings().backend().kind(), partial.runs().get(0).side().backend());
        // nothing arrived: nothing kept
        Next none = Update.update(opened, key(opened, Action.CLOSE));
        assertTrue(none.effects().stream().noneMatch(e -> e instanceof Effect.RecordAnalysis));
    }

    @Test
    void aResultAfterTheViewClosedIsDropped() {
        UiState s = press(UiFixtures.withCompletion(), Action.COMPARE_VIEW);
        long right = view(s).columns().get(1).request();
        s = press(s, Action.CLOSE);
        UiState after = Update.update(s, new Msg.CompareArrived(right, "openai", "base-1", BASE)).state();
        assertEquals(Overlay.NONE, after.overlay());
        assertTrue(after.requests().isEmpty());
    }

    @Test
    void vComparesWithTheLastSecondSideNamedAndTheSessionKeepsIt() {
        UiState s = Update.update(UiFixtures.withCompletion(), new Msg.CommandEntered(":compare base", UiFixtures.NOW)).state();
        s = press(s, Action.CLOSE);
        Next again = Update.update(s, key(s, Action.COMPARE_VIEW));
        Effect.CompareContinue there = assertInstanceOf(Effect.CompareContinue.class, again.effects().get(1));
        assertEquals("base", there.profile(), "V reuses the side :compare named");
        assertEquals("base", dev.weft.tui.update.SessionSettings.of(s).get("vs"));

        UiState reopened = Update.update(UiFixtures.withCompletion(), new Msg.SessionOpened("s.json", s.loom(), s.focus(),
                dev.weft.tui.update.SessionSettings.of(s))).state();
        Next fromFile = Update.update(reopened, key(reopened, Action.COMPARE_VIEW));
        assertEquals("base", assertInstanceOf(Effect.CompareContinue.class, fromFile.effects().get(1)).profile(),
                "a reopened session compares with the same side");
        assertNull(dev.weft.tui.update.SessionSettings.of(UiFixtures.withCompletion()).get("vs"),
                "the default side is not written");
    }
}
