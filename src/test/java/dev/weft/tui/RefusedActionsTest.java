package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.session.SessionFile;
import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.Binding;
import dev.weft.tui.keys.Context;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Request;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.update.Update;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused action changes nothing: every key of every context, and the commands, are driven
 * against states where much is refused (an empty loom, a generation still arriving, an open
 * popup on it, a finished tree); whenever the answer is an error, the loom is the very same
 * value and nothing is journaled. The named cases are the ones that used to leave debris.
 */
class RefusedActionsTest {
    /** Model calls that never run: a generation stays "still arriving" as long as the test wants. */
    private static final Executor HELD = task -> { };

    @Test
    void regeneratingInsideANodeThatIsStillArrivingNeitherSplitsItNorJournals() throws Exception {
        MemorySession session = MemorySession.empty();
        TuiHarness h = arriving(session);
        int journaled = session.journal.size();
        UiState before = h.state();
        h.press(Action.NODE_START).press(Action.CURSOR_RIGHT);
        UiState at = h.state();
        h.press(Action.REGENERATE);
        assertTrue(h.state().message().error(), h.state().message().text());
        assertTrue(h.state().message().text().contains("still arriving"), h.state().message().text());
        assertSame(at.loom(), h.state().loom());
        assertEquals(before.loom().size(), h.state().loom().size());
        assertEquals(journaled, session.journal.size());
    }

    @Test
    void swappingAndRegeneratingOnANodeStillArrivingAddsNoSwapNode() throws Exception {
        MemorySession session = MemorySession.empty();
        TuiHarness h = arriving(session);
        int journaled = session.journal.size();
        h.press(Action.NODE_START).press(Action.ALTERNATIVES).press(Action.CHOICE_DOWN);
        UiState open = h.state();
        h.press(Action.SWAP_REGENERATE);
        assertTrue(h.state().message().error(), h.state().message().text());
        assertSame(open.loom(), h.state().loom());
        assertEquals(journaled, session.journal.size());
    }

    @Test
    void aRefusedRegenerateLeavesTheJournalFileByteForByte(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("drop.json");
        StoreSession session = StoreSession.open(file);
        TuiHarness h = arriving(session);
        h.press(Action.NODE_START).press(Action.CURSOR_RIGHT);
        byte[] journal = Files.readAllBytes(SessionFile.journalOf(file));
        int nodes = h.state().loom().size();
        h.press(Action.REGENERATE);
        assertTrue(h.state().message().error());
        assertArrayEquals(journal, Files.readAllBytes(SessionFile.journalOf(file)));
        assertEquals(nodes, h.state().loom().size());
        session.close();
    }

    @Test
    void everyKeyAndCommandThatIsRefusedChangesNothing() throws Exception {
        Map<String, UiState> states = new LinkedHashMap<>();
        states.put("empty loom", TuiHarness.start(80, 24, TestModels.embedded()).state());
        TuiHarness arriving = arriving(MemorySession.empty());
        states.put("still arriving, cursor at the end", arriving.state());
        states.put("still arriving, cursor inside", arriving.press(Action.NODE_START).press(Action.CURSOR_RIGHT).state());
        states.put("alternatives open on a node still arriving", arriving.press(Action.ALTERNATIVES).state());
        TuiHarness done = TuiHarness.start(80, 24, TestModels.embedded());
        done.press(Action.EDIT).type("Are bugs real?").press(Action.COMMIT).command("set n 3").press(Action.GENERATE);
        states.put("finished tree", done.state());
        states.put("tree view", done.press(Action.TREE_VIEW).state());
        states.put("siblings view", done.press(Action.BACK).press(Action.SIBLINGS_VIEW).state());

        List<String> commands = List.of("set n x", "set temperature -1", "set theme nope", "dist", "dist @",
                "sweep", "sweep x", "frobnicate", "set top-k", "export", "compare-file");
        int refusals = 0;
        List<String> checked = new ArrayList<>();
        for (var e : states.entrySet()) {
            UiState s = e.getValue();
            Context context = s.overlay().context() != null ? s.overlay().context() : s.view().context();
            for (Binding b : s.settings().keymap().bindings(context)) {
                for (KeySpec key : b.keys()) {
                    Next next = Update.update(s, new Msg.Key(key, TuiHarness.CLOCK.instant()));
                    refusals += checkUnchanged(s, next, e.getKey() + ": " + b.action() + " (" + key.label() + ")");
                    checked.add(b.action().name());
                }
            }
            for (String line : commands) {
                Next next = Update.update(s, new Msg.CommandEntered(line, TuiHarness.CLOCK.instant()));
                refusals += checkUnchanged(s, next, e.getKey() + ": :" + line);
            }
        }
        assertTrue(checked.contains("GENERATE") && checked.contains("REGENERATE") && checked.contains("SWAP_REGENERATE"));
        assertTrue(refusals >= 10, "too few refusals to mean anything: " + refusals);
    }

    /** 1 when the step was a refusal (and then asserts it changed nothing), else 0. */
    private static int checkUnchanged(UiState before, Next next, String what) {
        if (next.state().message() == null || !next.state().message().error()) {
            return 0;
        }
        assertSame(before.loom(), next.state().loom(), what + " was refused but changed the loom");
        assertFalse(next.effects().stream().anyMatch(x -> x instanceof Effect.Journal),
                what + " was refused but journaled " + next.effects());
        return 1;
    }

    /** A prompt and one generation of two completions whose tokens have begun to arrive and keep arriving. */
    private static TuiHarness arriving(LoomSession session) throws Exception {
        TuiHarness h = TuiHarness.start(80, 24, TestModels.embedded(), ColorDepth.TRUECOLOR, session, HELD);
        h.press(Action.EDIT).type("Mr President,").press(Action.COMMIT).command("set n 2").press(Action.GENERATE);
        long request = h.state().requests().entrySet().stream().filter(e -> e.getValue() instanceof Request.Generating)
                .findFirst().orElseThrow().getKey();
        List<Alternative> top = List.of(new Alternative(Piece.of(" we"), -1.2), new Alternative(Piece.of(" I"), -1.9));
        for (int choice = 0; choice < 2; choice++) {
            h.loop.post(new Msg.TokensArrived(request, choice, List.of(
                    Token.of(" the", -0.5, top), Token.of(" nation", -0.7, top), Token.of(" is", -0.3, top))));
        }
        h.settle();
        NodeId first = h.state().focus().current();
        Node node = h.state().loom().node(first);
        assertEquals(FinishReason.RUNNING, node.generation().finish());
        assertEquals(3, node.tokens().size());
        return h;
    }
}
