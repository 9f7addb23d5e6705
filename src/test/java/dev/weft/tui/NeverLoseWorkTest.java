package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Cancellation;
import dev.weft.model.Capabilities;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import dev.weft.model.TokenSink;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ColorDepth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything goes to the session as it happens; reopening restores where the user was; cancel keeps what arrived. */
class NeverLoseWorkTest {

    private static void explore(TuiHarness h) {
        h.press(Action.EDIT).type("Are bugs real?").press(Action.COMMIT);
        h.command("set n 2").command("set temperature 0.4").press(Action.GENERATE);
        h.press(Action.NODE_START).press(Action.CURSOR_RIGHT).press(Action.REGENERATE);
        h.press(Action.BOOKMARK).press(Action.SIBLING_NEXT).press(Action.PRUNE).press(Action.UNDO);
        h.press(Action.NODE_START).press(Action.ALTERNATIVES).press(Action.CHOICE_DOWN).press(Action.SWAP);
        h.press(Action.EDIT).press(Action.CARET_END).type(" indeed").press(Action.COMMIT);
        h.press(Action.CURSOR_LEFT, 2);
    }

    @Test
    void reopeningASessionRestoresTheTreeTheCurrentNodeTheCursorAndTheSettings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bugs.json");
        StoreSession session = StoreSession.open(file);
        TuiHarness h = TuiHarness.start(80, 24, TestModels.embedded(), ColorDepth.TRUECOLOR, session, Runnable::run);
        explore(h);
        UiState before = h.state();
        String screen = h.screenText();
        h.press(Action.QUIT);
        assertTrue(h.state().quitting());
        assertTrue(h.loop.saveNow());
        session.close();

        StoreSession reopened = StoreSession.open(file);
        TuiHarness again = TuiHarness.start(80, 24, TestModels.embedded(), ColorDepth.TRUECOLOR, reopened, Runnable::run);
        UiState after = again.state();
        assertSameTree(before.loom(), after.loom());
        assertEquals(before.focus(), after.focus());
        assertEquals(0.4, after.settings().params().temperature(), 1e-9);
        assertEquals(2, after.settings().params().n());
        assertEquals(screen.lines().limit(21).toList(), again.screenText().lines().limit(21).toList());
        reopened.close();
    }

    @Test
    void theJournalAloneRebuildsTheTree() throws Exception {
        MemorySession session = MemorySession.empty();
        TuiHarness h = TuiHarness.start(80, 24, TestModels.embedded(), ColorDepth.TRUECOLOR, session, Runnable::run);
        explore(h);
        Loom replayed = Loom.empty();
        for (var action : session.journal) {
            replayed = action.apply(replayed).loom();
        }
        assertSameTree(h.state().loom(), replayed);
    }

    @Test
    void escapeCancelsAGenerationKeepingWhatArrivedMarkedCut() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            TuiHarness h = TuiHarness.start(80, 24, new SlowModel(), ColorDepth.TRUECOLOR, MemorySession.empty(), pool);
            h.press(Action.EDIT).type("Count:").press(Action.COMMIT).press(Action.GENERATE);
            NodeId node = h.state().focus().current();
            h.awaitState(s -> s.loom().node(node).tokens().size() >= 3);
            h.press(Action.CANCEL);
            Node cut = h.state().loom().node(node);
            int kept = cut.tokens().size();
            assertEquals(FinishReason.CUT, cut.generation().finish());
            assertFalse(h.state().isGenerating());
            assertTrue(h.screenText().contains("[cut]"), h.screenText());
            Thread.sleep(100);
            h.settle();
            assertEquals(kept, h.state().loom().node(node).tokens().size(), "nothing arrives after the cancel");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertSameTree(Loom expected, Loom actual) {
        assertEquals(expected.size(), actual.size());
        for (Node n : expected.nodes()) {
            Node m = actual.node(n.id());
            assertEquals(n.tokens(), m.tokens(), n.id() + " tokens");
            assertEquals(List.of(n.origin(), n.children(), n.deleted(), n.bookmarked()),
                    List.of(m.origin(), m.children(), m.deleted(), m.bookmarked()), n.id().toString());
        }
    }

    /** Streams " 1", " 2", ... every 20 ms until it is cancelled. */
    private static final class SlowModel implements LanguageModel {
        @Override
        public String backend() {
            return "slow";
        }

        @Override
        public String model() {
            return "slow-1";
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(0, false, true, true, false, false);
        }

        @Override
        public List<Completion> generate(Prompt prompt, SamplingParams params, TokenSink sink, Cancellation cancel) {
            List<Token> tokens = new ArrayList<>();
            for (int i = 1; !cancel.isCancelled() && i < 10_000; i++) {
                Token t = Token.of(" " + i, -0.5, List.of());
                tokens.add(t);
                sink.accept(0, t);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return List.of(new Completion(tokens, FinishReason.CUT));
        }
    }
}
