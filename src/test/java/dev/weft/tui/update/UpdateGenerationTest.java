package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.NOW;
import static dev.weft.tui.UiFixtures.id;
import static dev.weft.tui.UiFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.FinishReason;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.UiState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generating: messages in, state and effects out. */
class UpdateGenerationTest {

    private static UiState withN(UiState s, int n) {
        return s.withSettings(s.settings().withParams(s.settings().params().withN(n)));
    }

    @Test
    void generateAddsRunningChildrenJournalsThemAndAsksTheBackend() {
        UiState s = withN(UiFixtures.withCompletion(), 2);
        Next next = Update.update(s, key(s, Action.GENERATE));

        List<Effect> effects = next.effects();
        assertEquals(4, effects.size());
        LoomAction.Append first = (LoomAction.Append) ((Effect.Journal) effects.get(0)).action();
        LoomAction.Mark unread = (LoomAction.Mark) ((Effect.Journal) effects.get(2)).action();
        assertEquals(id(3), unread.node(), "the second completion is unread: the read view follows the first");
        assertTrue(unread.marks().unread());
        assertEquals(id(1), first.parent());
        assertEquals(Origin.MODEL, first.origin());
        assertEquals(FinishReason.RUNNING, first.generation().finish());
        assertEquals(NOW, first.generation().at());
        Effect.Generate generate = (Effect.Generate) effects.get(3);
        assertEquals("Are bugs real? Yes, they are.", generate.prompt().text());
        assertEquals(2, generate.params().n());
        assertEquals(5, generate.params().topLogprobs(), "capped to what the backend reports");

        UiState after = next.state();
        assertEquals(id(2), after.focus().current(), "the read view follows the first completion");
        assertEquals(List.of(id(2), id(3)), after.loom().liveChildren(id(1)));
        assertFalse(after.loom().node(id(2)).marks().unread(), "the one on screen is read");
        assertTrue(after.loom().node(id(3)).marks().unread());
        assertTrue(after.isGenerating());
    }

    @Test
    void arrivingTokensExtendTheirNodeAndACursorAtTheEndFollows() {
        UiState s = UiFixtures.withCompletion();
        s = Update.update(s, key(s, Action.GENERATE)).state();
        assertEquals(8, s.focus().cursor(), "on the last token before the new node");

        Next next = Update.update(s, new Msg.TokensArrived(1, 0, List.of(Token.of(" Yes", -0.1, List.of()), Token.of("!", -0.2, List.of()))));

        assertEquals(" Yes!", next.state().loom().node(id(2)).text());
        assertEquals(10, next.state().focus().cursor());
        assertInstanceOf(LoomAction.Extend.class, ((Effect.Journal) next.effects().get(0)).action());
    }

    @Test
    void tokensForARequestThatIsGoneAreDropped() {
        UiState s = UiFixtures.withCompletion();
        Next next = Update.update(s, new Msg.TokensArrived(42, 0, List.of(Token.of("x", -1, List.of()))));
        assertSame(s.loom(), next.state().loom());
        assertTrue(next.effects().isEmpty());
    }

    @Test
    void cancelKeepsWhatArrivedMarksItCutAndDropsWhatComesLater() {
        UiState s = UiFixtures.withCompletion();
        s = Update.update(s, key(s, Action.GENERATE)).state();
        s = Update.update(s, new Msg.TokensArrived(1, 0, List.of(Token.of(" So", -0.1, List.of())))).state();

        Next cancelled = Update.update(s, key(s, Action.CANCEL));
        assertEquals(FinishReason.CUT, cancelled.state().loom().node(id(2)).generation().finish());
        assertTrue(cancelled.effects().contains(new Effect.Cancel(1)));
        assertFalse(cancelled.state().isGenerating());

        UiState late = Update.update(cancelled.state(), new Msg.TokensArrived(1, 0, List.of(Token.of(" late", -1, List.of())))).state();
        assertEquals(" So", late.loom().node(id(2)).text());
    }

    @Test
    void doneFillsWhatANonStreamingBackendReturnedAndRecordsWhyItEnded() {
        UiState s = UiFixtures.withCompletion();
        s = Update.update(s, key(s, Action.GENERATE)).state();
        Completion c = new Completion(List.of(Token.of(" Indeed", -0.3, List.of()), Token.of(".", -0.1, List.of())), FinishReason.STOP);

        UiState done = Update.update(s, new Msg.GenerationDone(1, List.of(c))).state();

        assertEquals(" Indeed.", done.loom().node(id(2)).text());
        assertEquals(FinishReason.STOP, done.loom().node(id(2)).generation().finish());
        assertFalse(done.isGenerating());
    }

    @Test
    void regenerateMidNodeSplitsThereAndSamplesSiblingsOfTheRest() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 6));
        Next next = Update.update(s, key(s, Action.REGENERATE));

        assertEquals(new LoomAction.Split(id(1), 2), ((Effect.Journal) next.effects().get(0)).action());
        UiState after = next.state();
        assertEquals(" Yes,", after.loom().node(id(1)).text());
        NodeId rest = id(2);
        assertEquals(" they are.", after.loom().node(rest).text(), "the original continuation stays");
        assertEquals(List.of(rest, id(3)), after.loom().liveChildren(id(1)));
        assertEquals(id(3), after.focus().current());
    }

    @Test
    void regenerateAtThePromptsFirstTokenHasNothingToContinue() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 0));
        Next next = Update.update(s, key(s, Action.REGENERATE));
        assertTrue(next.effects().isEmpty());
        assertTrue(next.state().message().error());
    }

    private static UiState greedy(UiState s, int n, boolean fullDistribution, Long seed) {
        var params = s.settings().params().withN(n).withTemperature(0).withSeed(seed);
        var b = s.settings().backend();
        var backend = new dev.weft.tui.state.Backend("server", b.kind(), b.model(), new dev.weft.model.Capabilities(
                5, false, true, true, false, fullDistribution));
        return s.withSettings(s.settings().withParams(params).withBackend(backend));
    }

    @Test
    void atTemperatureZeroADeterministicBackendSamplesOnceAndSaysSo() {
        UiState s = greedy(UiFixtures.withCompletion(), 4, true, null);
        Next next = Update.update(s, key(s, Action.GENERATE));

        assertEquals(List.of(id(2)), next.state().loom().liveChildren(id(1)), "one node, not four copies");
        Effect.Generate generate = (Effect.Generate) next.effects().get(next.effects().size() - 1);
        assertEquals(1, generate.params().n());
        assertEquals("T=0 on server always gives the same text: sampling once, not 4 copies · Esc cancels",
                next.state().message().text());
    }

    @Test
    void aSeedMakesAServerDeterministicAtTemperatureZeroToo() {
        UiState s = greedy(UiFixtures.withCompletion(), 3, false, 42L);
        Next next = Update.update(s, key(s, Action.GENERATE));
        assertEquals(1, next.state().loom().liveChildren(id(1)).size());
    }

    @Test
    void otherwiseNSamplesAreTakenAndDuplicatesMergedSayingSo() {
        UiState s = greedy(UiFixtures.withCompletion(), 3, false, null);
        s = Update.update(s, key(s, Action.GENERATE)).state();
        assertEquals(List.of(id(2), id(3), id(4)), s.loom().liveChildren(id(1)));
        Completion same = new Completion(List.of(Token.of(" Indeed", -0.3, List.of())), FinishReason.STOP);
        Completion other = new Completion(List.of(Token.of(" No", -0.3, List.of())), FinishReason.STOP);

        UiState done = Update.update(s, new Msg.GenerationDone(1, List.of(same, same, other))).state();

        assertEquals(List.of(id(2), id(4)), done.loom().liveChildren(id(1)), "the repeat of #2 is merged into it");
        assertEquals("2 completions, 2 tokens · T=0 gave 1 duplicate, merged (u restores) · < > or s to compare",
                done.message().text());
        UiState undone = Update.update(done, key(done, Action.UNDO)).state();
        assertEquals(3, undone.loom().liveChildren(id(1)).size());
    }

    @Test
    void aboveTemperatureZeroIdenticalSamplesAreKept() {
        UiState s = withN(UiFixtures.withCompletion(), 2);
        s = Update.update(s, key(s, Action.GENERATE)).state();
        Completion same = new Completion(List.of(Token.of(" Indeed", -0.3, List.of())), FinishReason.STOP);
        UiState done = Update.update(s, new Msg.GenerationDone(1, List.of(same, same))).state();
        assertEquals(2, done.loom().liveChildren(id(1)).size(), "at T=1 a repeat is a finding (mode collapse), not noise");
    }

    @Test
    void failureCutsTheNodesAndSaysWhy() {
        UiState s = UiFixtures.withCompletion();
        s = Update.update(s, key(s, Action.GENERATE)).state();
        UiState failed = Update.update(s, new Msg.GenerationFailed(1, "connection refused")).state();
        assertEquals(FinishReason.CUT, failed.loom().node(id(2)).generation().finish());
        assertEquals("generation failed: connection refused", failed.message().text());
    }
}
