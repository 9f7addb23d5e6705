package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.NOW;
import static dev.weft.tui.UiFixtures.key;
import static dev.weft.tui.UiFixtures.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.state.CommandLine;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ':' line in place: keys in, the line (or what it ran) out. */
class UpdateCommandLineTest {

    private static UiState opened(List<String> history) {
        UiState s = UiFixtures.withCompletion();
        Next next = Update.update(s, key(s, Action.COMMAND_LINE));
        assertEquals(List.of(new Effect.ReadCommandLine()), next.effects());
        return Update.update(next.state(), new Msg.CommandLineData(history, List.of("spectrum", "spectrum-256", "monochrome"),
                List.of("embedded", "local"))).state();
    }

    private static UiState type(UiState s, String text) {
        for (char c : text.toCharArray()) {
            s = Update.update(s, typed(c)).state();
        }
        return s;
    }

    private static UiState press(UiState s, String keySpec) {
        return Update.update(s, new Msg.Key(KeySpec.parse(keySpec), NOW)).state();
    }

    private static CommandLine line(UiState s) {
        return ((Overlay.Command) s.overlay()).line();
    }

    @Test
    void enterRunsTheLineAndKeepsItInTheHistory() {
        UiState s = type(opened(List.of()), "set n 3");
        assertEquals("set n 3", line(s).text());
        Next next = Update.update(s, key(s, Action.RUN_COMMAND));
        assertSame(Overlay.NONE, next.state().overlay());
        assertEquals(3, next.state().settings().params().n());
        assertTrue(next.effects().contains(new Effect.RememberCommand("set n 3")));
    }

    @Test
    void escAndCtrlCCancelWithoutRunningAnything() {
        for (String cancel : List.of("Esc", "C-c", "C-g")) {
            UiState s = type(opened(List.of()), "set n 3");
            Next next = Update.update(s, new Msg.Key(KeySpec.parse(cancel), NOW));
            assertSame(Overlay.NONE, next.state().overlay(), cancel);
            assertEquals(1, next.state().settings().params().n(), cancel + " ran nothing");
            assertTrue(next.effects().isEmpty());
        }
    }

    @Test
    void backspaceOnAnEmptyLineLeavesIt() {
        UiState s = press(type(opened(List.of()), "w"), "Backspace");
        assertEquals("", line(s).text());
        assertSame(Overlay.NONE, press(s, "Backspace").overlay());
    }

    @Test
    void upAndDownStepThroughTheHistoryKeepingTheLineBeingTyped() {
        UiState s = type(opened(List.of("set n 2", "w")), "se");
        s = press(s, "Up");
        assertEquals("w", line(s).text());
        s = press(s, "Up");
        assertEquals("set n 2", line(s).text());
        s = press(s, "Up");
        assertEquals("set n 2", line(s).text(), "the oldest stays");
        s = press(press(s, "Down"), "Down");
        assertEquals("se", line(s).text(), "the draft comes back");
        assertEquals(2, line(s).caret());
    }

    @Test
    void tabCompletesCommandsSettingsAndNames() {
        UiState s = press(type(opened(List.of()), "se"), "Tab");
        assertEquals("set ", line(s).text());
        s = press(type(s, "th"), "Tab");
        assertEquals("set theme ", line(s).text());
        s = press(type(s, "spe"), "Tab");
        assertEquals("set theme spectrum", line(s).text(), "the candidates' common start");
        assertEquals(List.of("spectrum", "spectrum-256"), line(s).completing().candidates());
        s = press(s, "Tab");
        assertEquals("set theme spectrum", line(s).text());
        assertEquals(0, line(s).completing().index());
        s = press(s, "Tab");
        assertEquals("set theme spectrum-256", line(s).text(), "Tab again cycles");
        s = press(s, "Left");
        assertNull(line(s).completing(), "any other key ends the cycle");
    }

    @Test
    void tabOnAFileArgumentAsksForFileNames() {
        UiState s = type(opened(List.of()), "e sess");
        Next next = Update.update(s, new Msg.Key(KeySpec.parse("Tab"), NOW));
        assertEquals(List.of(new Effect.ListFiles("sess")), next.effects());
        UiState done = Update.update(next.state(), new Msg.FileNames("sess", List.of("sessions/"))).state();
        assertEquals("e sessions/", line(done).text(), "a directory gets no space: the next Tab goes inside");
    }

    @Test
    void tabAfterVsCompletesABackendThenAFileAfterItsPrefix() {
        UiState s = type(opened(List.of()), "dist 0..100 --vs emb");
        s = press(s, "Tab");
        assertEquals("dist 0..100 --vs embedded", line(s).text(), "embedded and embedded: share their start");
        assertEquals(List.of("embedded", "embedded:"), line(s).completing().candidates());
        s = press(press(s, "Tab"), "Tab");
        assertEquals("dist 0..100 --vs embedded:", line(s).text(), "Tab again cycles to the prefix");
        s = press(press(s, "Left"), "Right"); // end the cycle
        Next next = Update.update(type(s, "ex"), new Msg.Key(KeySpec.parse("Tab"), NOW));
        assertEquals(List.of(new Effect.ListFiles("ex")), next.effects(), "the path after the prefix");
        UiState done = Update.update(next.state(), new Msg.FileNames("ex", List.of("examples/"))).state();
        assertEquals("dist 0..100 --vs embedded:examples/", line(done).text());

        UiState g = press(type(opened(List.of()), "sweep 0,1 3 --vs gg"), "Tab");
        assertEquals("sweep 0,1 3 --vs gguf:", line(g).text(), "a prefix is continued, not ended with a space");
    }

    @Test
    void readlineKeysEditTheLine() {
        UiState s = type(opened(List.of()), "export ~/a b.txt");
        s = press(s, "C-w");
        assertEquals("export ~/a ", line(s).text());
        s = press(press(s, "C-a"), "C-k");
        assertEquals("", line(s).text());
        s = press(type(s, "set n 4"), "C-Left");
        assertEquals(6, line(s).caret());
        s = press(s, "C-u");
        assertEquals("4", line(s).text());
        assertEquals(0, line(s).caret());
    }
}
