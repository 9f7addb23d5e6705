package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.id;
import static dev.weft.tui.UiFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseRecord;
import dev.weft.analysis.MultiverseNode;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Origin;
import dev.weft.loom.Piece;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.MultiverseView;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The multiverse view over the fixture, cursor on " Yes": after it, "," .6 (then " they" .5) or " and" .3. */
class UpdateMultiverseTest {
    private static final MultiverseNode THEY = node(" they", 0.5, 0.3, List.of());
    private static final MultiverseNode COMMA = node(",", 0.6, 0.6, List.of(THEY));
    private static final MultiverseNode AND = node(" and", 0.3, 0.3, List.of());
    private static final Multiverse MULTIVERSE = new Multiverse(MultiverseKeys.SETTINGS, List.of(), 1,
            new MultiverseNode(Piece.EMPTY, 0, 1, false, 0.1, List.of(COMMA, AND)), 3);

    private static MultiverseNode node(String text, double p, double path, List<MultiverseNode> children) {
        return new MultiverseNode(Piece.of(text), Math.log(p), path, false, 0, children);
    }

    private static UiState press(UiState s, Action... actions) {
        for (Action a : actions) {
            s = Update.update(s, key(s, a)).state();
        }
        return s;
    }

    private static MultiverseView view(UiState s) {
        return assertInstanceOf(Overlay.Multiverse.class, s.overlay()).view();
    }

    private static UiState arrived() {
        UiState s = UiFixtures.withCompletion();
        Next opened = Update.update(s, key(s, Action.MULTIVERSE_VIEW));
        long request = view(opened.state()).request();
        return Update.update(opened.state(), new Msg.MultiverseExpanded(request, MULTIVERSE)).state();
    }

    @Test
    void openingAsksForTheExpansionAfterTheCursorsToken() {
        UiState s = UiFixtures.withCompletion();
        Next next = Update.update(s, key(s, Action.MULTIVERSE_VIEW));
        MultiverseView v = view(next.state());
        assertEquals(id(1), v.node());
        assertEquals(0, v.index());
        assertEquals("Are bugs real? Yes", v.context());
        Effect.ExpandMultiverse effect = assertInstanceOf(Effect.ExpandMultiverse.class, next.effects().get(0));
        assertEquals("Are bugs real? Yes", effect.context().text());
        assertEquals(v.request(), effect.request());
        assertTrue(next.state().requests().containsKey(v.request()));
    }

    @Test
    void theExpansionArrivesWithTheLikeliestBlockSelected() {
        UiState s = arrived();
        assertEquals(List.of(0), view(s).selected());
        assertEquals(0, view(s).request());
        assertTrue(s.requests().isEmpty());
    }

    @Test
    void aResultForAClosedViewIsDropped() {
        UiState s = UiFixtures.withCompletion();
        UiState opened = press(s, Action.MULTIVERSE_VIEW);
        long request = view(opened).request();
        UiState closed = press(opened, Action.CLOSE);
        UiState after = Update.update(closed, new Msg.MultiverseExpanded(request, MULTIVERSE)).state();
        assertEquals(Overlay.NONE, after.overlay());
    }

    @Test
    void movingWalksBlocksAndColumns() {
        UiState s = arrived();
        assertEquals(List.of(1), view(press(s, Action.BLOCK_DOWN)).selected());
        assertEquals(List.of(1), view(press(s, Action.BLOCK_DOWN, Action.BLOCK_DOWN)).selected(), "stops at the bottom");
        assertEquals(List.of(0, 0), view(press(s, Action.BLOCK_CHILD)).selected());
        assertEquals(List.of(0), view(press(s, Action.BLOCK_CHILD, Action.BLOCK_PARENT)).selected());
        assertEquals(List.of(1), view(press(s, Action.BLOCK_DOWN, Action.BLOCK_CHILD)).selected(), "a leaf has no next block");
    }

    @Test
    void zoomRenormalisesToTheSelectedBlockAndZoomOutComesBack() {
        UiState zoomed = press(arrived(), Action.ZOOM_IN);
        MultiverseView v = view(zoomed);
        assertEquals(List.of(0), v.zoom());
        assertEquals(List.of(0, 0), v.selected());
        assertEquals(0.6, v.shown().branchProbability(), 1e-12);
        assertEquals(0.5, v.shown().root().children().get(0).pathProbability(), 1e-12, ".3 of .6");
        assertEquals(List.of(0, 0), view(press(zoomed, Action.BLOCK_PARENT)).selected(), "cannot leave the zoomed block");
        MultiverseView out = view(press(zoomed, Action.ZOOM_OUT));
        assertEquals(List.of(), out.zoom());
        assertEquals(List.of(0, 0), out.selected());
    }

    @Test
    void addingAPathSplitsAfterTheCursorAndBranchesWithTheTokens() {
        UiState s = press(arrived(), Action.BLOCK_CHILD);
        Next next = Update.update(s, key(s, Action.ADD_PATH));
        List<Effect> effects = next.effects();
        assertEquals(new Effect.Journal(new LoomAction.Split(id(1), 1)), effects.get(0));
        LoomAction.Append append = (LoomAction.Append) assertInstanceOf(Effect.Journal.class, effects.get(1)).action();
        assertEquals(id(1), append.parent());
        assertEquals(Origin.PICKED, append.origin(), "picked by hand, not sampled");
        assertEquals(0.0, append.generation().params().temperature(), "nothing was drawn at random");
        assertEquals(1, append.generation().params().n());
        assertEquals(MultiverseKeys.SETTINGS.top(), append.generation().params().topK(), "the expansion's top-k");
        assertEquals(", they", append.tokens().text());
        assertEquals(0.6, Math.exp(append.tokens().logprob(0)), 1e-6);
        assertEquals(2, append.tokens().alternativeCount(0), "the blocks beside it are its alternatives");
        assertEquals(1, Origin.rank(append.tokens(), 0), "the rank of each token is kept with it");
        assertTrue(next.state().message().text().contains("ranks 1,1"), next.state().message().text());
        UiState after = next.state();
        assertEquals(Overlay.NONE, after.overlay());
        assertEquals(new Focus(append.apply(s.loom().split(id(1), 1).loom()).node(), 6), after.focus());
        assertEquals(" Yes", after.loom().node(id(1)).tokens().text(), "the node keeps the text up to the cursor");
    }

    @Test
    void aPickedTokenThatWasNotTheLikeliestHasItsRank() {
        UiState s = press(arrived(), Action.BLOCK_DOWN);
        LoomAction.Append append = (LoomAction.Append) Update.update(s, key(s, Action.ADD_PATH)).effects().stream()
                .filter(e -> e instanceof Effect.Journal j && j.action() instanceof LoomAction.Append)
                .map(e -> ((Effect.Journal) e).action()).findFirst().orElseThrow();
        assertEquals(" and", append.tokens().text());
        assertEquals(2, Origin.rank(append.tokens(), 0), "' and' .3 after ',' .6");
    }

    @Test
    void zoomLooksFurtherBelowTheBlockWithTheFloorRelativeToIt() {
        UiState s = arrived();
        Next next = Update.update(s, key(s, Action.ZOOM_IN));
        MultiverseView v = view(next.state());
        assertEquals(List.of(0), v.zoom());
        assertEquals(List.of(0), v.growing());
        Effect.ExpandMultiverse ask = assertInstanceOf(Effect.ExpandMultiverse.class, next.effects().get(0));
        assertEquals("Are bugs real? Yes,", ask.context().text(), "the context, then the block's path");
        assertEquals(MultiverseKeys.SETTINGS, ask.settings(), "the floor applies to the new root: the block's mass");
        // below ",": " they" .5, " it" .4 (each with the block as 100%)
        MultiverseNode they = node(" they", 0.5, 0.5, List.of(node(" are", 0.9, 0.45, List.of())));
        MultiverseNode it = node(" it", 0.4, 0.4, List.of());
        Multiverse below = new Multiverse(MultiverseKeys.SETTINGS, List.of(), 1,
                new MultiverseNode(Piece.EMPTY, 0, 1, false, 0.1, List.of(they, it)), 2);
        UiState grown = Update.update(next.state(), new Msg.MultiverseExpanded(ask.request(), below)).state();
        MultiverseView g = view(grown);
        assertEquals(null, g.growing());
        assertEquals(0, g.request());
        assertEquals(2, g.shown().root().children().size());
        assertEquals(0.5, g.shown().root().children().get(0).pathProbability(), 1e-12, "renormalised to the block");
        assertEquals(0.3, g.multiverse().root().children().get(0).children().get(0).pathProbability(), 1e-12,
                "in the whole tree: .5 of the block's .6");
        assertEquals(2, g.shown().root().height(), "a level deeper than the first expansion reached");
        assertEquals(5, g.multiverse().modelCalls());
        UiState again = press(grown, Action.ZOOM_OUT, Action.BLOCK_PARENT, Action.ZOOM_IN);
        assertEquals(List.of(0), view(again).zoom());
        assertEquals(null, view(again).growing(), "a block grown once is not asked for again");
    }

    @Test
    void eachExpansionIsKeptInTheSessionAsItArrivesAndThePlayerBuildsThePlotFromThem() {
        UiState s = UiFixtures.withCompletion();
        Next opened = Update.update(s, key(s, Action.MULTIVERSE_VIEW));
        java.time.Instant arrived = java.time.Instant.parse("2026-12-07T19:00:00Z");
        Next first = Update.update(opened.state(), new Msg.MultiverseExpanded(view(opened.state()).request(), MULTIVERSE,
                arrived));
        MultiverseRecord kept = kept(first);
        assertEquals(arrived, kept.at(), "when it arrived");
        assertEquals(List.of(), kept.below());
        assertEquals(MULTIVERSE, kept.multiverse());
        assertEquals("Are bugs real? Yes", kept.context());
        assertEquals(id(1), kept.node());
        assertEquals(0, kept.cursor());
        assertEquals(s.settings().backend().kind(), kept.side().backend());

        Next zoom = Update.update(first.state(), key(first.state(), Action.ZOOM_IN));
        Multiverse below = new Multiverse(MultiverseKeys.SETTINGS, List.of(), 1,
                new MultiverseNode(Piece.EMPTY, 0, 1, false, 0.5, List.of(node(" it", 0.5, 0.5, List.of()))), 1);
        Next grown = Update.update(zoom.state(), new Msg.MultiverseExpanded(view(zoom.state()).request(), below));
        MultiverseRecord second = kept(grown);
        assertEquals(List.of(0), second.below(), "below the block the zoom looked into");
        assertEquals("Are bugs real? Yes,", second.context());
        assertEquals(below, second.multiverse(), "as it arrived: relative to the block");

        // the player's plot from the two records is the loom's
        MultiverseView rebuilt = MultiverseView.expanding(0, kept.node(), kept.cursor(), kept.context())
                .arrived(kept.multiverse()).growing(0, second.below()).grew(second.multiverse());
        assertEquals(view(grown.state()).multiverse(), rebuilt.multiverse());
        Next failed = Update.update(zoom.state(), new Msg.AnalysisFailed(view(zoom.state()).request(), "HTTP 500"));
        assertTrue(failed.effects().stream().noneMatch(e -> e instanceof Effect.RecordAnalysis), "nothing arrived");
    }

    private static MultiverseRecord kept(Next next) {
        return assertInstanceOf(MultiverseRecord.class, next.effects().stream()
                .filter(e -> e instanceof Effect.RecordAnalysis).map(e -> ((Effect.RecordAnalysis) e).record())
                .findFirst().orElseThrow(() -> new AssertionError("kept in the session")));
    }

    @Test
    void depthTopKAndFloorAreSetAndTheSessionKeepsThem() {
        UiState s = UiFixtures.withCompletion();
        s = Update.update(s, new Msg.CommandEntered("set depth 6", UiFixtures.NOW)).state();
        s = Update.update(s, new Msg.CommandEntered("set multiverse-top-k 8", UiFixtures.NOW)).state();
        s = Update.update(s, new Msg.CommandEntered("set floor 0.01", UiFixtures.NOW)).state();
        assertEquals(new dev.weft.analysis.MultiverseSettings(6, 8, 0.01), s.settings().experiments().multiverse());
        Next next = Update.update(s, key(s, Action.MULTIVERSE_VIEW));
        assertEquals(new dev.weft.analysis.MultiverseSettings(6, 8, 0.01),
                assertInstanceOf(Effect.ExpandMultiverse.class, next.effects().get(0)).settings());
        UiState bad = Update.update(s, new Msg.CommandEntered("set floor 2", UiFixtures.NOW)).state();
        assertEquals(s.settings().experiments(), bad.settings().experiments(), "a refused value changes nothing");
        var saved = SessionSettings.of(s.withSettings(s.settings().withExperiments(
                s.settings().experiments().withReference(id(1)))));
        assertEquals("6", saved.get("multiverse-depth"));
        UiState reopened = Update.update(UiFixtures.empty(), new Msg.SessionOpened("s.json", s.loom(), s.focus(), saved))
                .state();
        assertEquals(new dev.weft.analysis.MultiverseSettings(6, 8, 0.01), reopened.settings().experiments().multiverse());
        assertEquals(id(1), reopened.settings().experiments().reference(), "and the convergence view's reference");
    }
}
