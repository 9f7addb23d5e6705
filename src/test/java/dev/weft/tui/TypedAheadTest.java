package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.tui.theme.ColorDepth;
import org.junit.jupiter.api.Test;

/** A fast typist's ":set n 3⏎" reaches the command line whole, though the reader starts after ':'. */
class TypedAheadTest {
    @Test
    void keysTypedRightAfterTheColonBelongToTheLine() throws Exception {
        TuiHarness app = TuiHarness.start(80, 24, TestModels.embedded(), ColorDepth.TRUECOLOR,
                MemorySession.empty(), Runnable::run);
        var view = app.state().view();
        app.typeAtOnce(":set n 3\n");
        assertEquals(3, app.state().settings().params().n());
        assertEquals(view, app.state().view(), "no key of the line was handled as a loom key (s opens siblings)");
    }

    @Test
    void anUnfinishedLineIsHandedToTheReaderToFinish() throws Exception {
        TuiHarness app = TuiHarness.start(80, 24, TestModels.embedded(), ColorDepth.TRUECOLOR,
                MemorySession.empty(), Runnable::run);
        app.typeAtOnce(":set n 2");   // the scripted reader adds nothing: the typed text is the line
        assertEquals(2, app.state().settings().params().n());
    }

    @Test
    void escapeCancelsAndLaterKeysAreLoomKeysAgain() throws Exception {
        TuiHarness app = TuiHarness.start(80, 24, TestModels.embedded(), ColorDepth.TRUECOLOR,
                MemorySession.empty(), Runnable::run);
        int before = app.state().settings().params().n();
        app.typeAtOnce(":set n 4\u001b");
        assertEquals(before, app.state().settings().params().n());
    }

    @Test
    void theCommandTakesEffectBeforeTheKeysTypedAfterIt() throws Exception {
        TuiHarness app = TuiHarness.start(80, 24, TestModels.embedded(), ColorDepth.TRUECOLOR,
                MemorySession.empty(), Runnable::run);
        app.press(dev.weft.tui.keys.Action.EDIT).type("Are bugs real?").press(dev.weft.tui.keys.Action.COMMIT);
        app.typeAtOnce(":set n 3\ng");
        var root = app.state().loom().roots().get(0);
        app.awaitState(s -> s.loom().liveChildren(root).size() == 3);
        assertEquals(3, app.state().loom().liveChildren(root).size());
    }
}
