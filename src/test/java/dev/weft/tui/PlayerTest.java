package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import dev.weft.replay.Recording;
import dev.weft.replay.Replay;
import dev.weft.replay.SameTree;
import dev.weft.session.SessionFile;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.View;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay player on sessions/branching.json at 80×24: what it shows at chosen steps (golden
 * screens, rewritten with -Dweft.golden.update=true and reviewed), playing and pausing, speed,
 * help, and taking over. The file is copied first, since taking over writes beside it.
 */
class PlayerTest {
    @TempDir Path dir;
    private Path recording;
    private PlayerHarness h;

    @BeforeEach
    void start() throws Exception {
        recording = dir.resolve("branching.json");
        Files.copy(Path.of("sessions/branching.json"), recording);
        Files.copy(Path.of("sessions/branching.json.journal"), SessionFile.journalOf(recording));
        h = PlayerHarness.start(recording);
    }

    @Test
    void stepsShowWhatTheUserSaw() {
        Golden.assertScreen("player-start", h.screenText());
        h.press(Action.STEP_FORWARD, 4);
        Golden.assertScreen("player-step-4", h.screenText());
        h.type("28").press(Action.JUMP);
        assertEquals(28, h.state().step());
        Golden.assertScreen("player-step-28", h.screenText());
        h.press(Action.STEP_FORWARD, 2);
        Golden.assertScreen("player-step-30-swap", h.screenText());
        h.press(Action.TREE_VIEW);
        Golden.assertScreen("player-tree-30", h.screenText());
        h.press(Action.TREE_VIEW).press(Action.JUMP);
        Golden.assertScreen("player-end", h.screenText());
    }

    @Test
    void everyStepKeepsItsDescriptionShortenedNeverBlank() throws Exception {
        for (int[] size : new int[][] {{100, 30}, {80, 24}}) {
            PlayerHarness p = PlayerHarness.start(recording, size[0], size[1]);
            var replay = p.state().replay();
            for (int step = 1; step <= replay.steps(); step++) {
                p.press(Action.STEP_FORWARD);
                String text = dev.weft.replay.StepSummary.of(replay.entry(step), replay.after(step - 1),
                        replay.after(step)).text();
                String bar = p.screenText().lines().reduce((a, b) -> b).orElseThrow();
                String start = text.substring(0, Math.min(12, text.length()));
                assertTrue(bar.contains(start), size[0] + " columns, step " + step + ": '" + bar + "' lacks '" + start + "'");
            }
        }
        PlayerHarness wide = PlayerHarness.start(recording, 100, 30);
        wide.type("29").press(Action.JUMP);
        Golden.assertScreen("player-100x30-step-29-swap", wide.screenText());
        h.type("29").press(Action.JUMP);
        Golden.assertScreen("player-step-29-swap", h.screenText());
    }

    @Test
    void eachStepIsTheRecordedSession() throws Exception {
        Replay replay = Replay.of(Recording.open(recording));
        for (int step : List.of(3, 17, 29, 48, 67)) {
            h.type(Integer.toString(step)).press(Action.JUMP);
            assertTrue(SameTree.of(replay.after(step).loom(), h.state().screen().loom()), "step " + step);
        }
        h.press(Action.STEP_BACK);
        assertEquals(66, h.state().step());
        h.press(Action.FIRST_STEP).press(Action.STEP_BACK);
        assertEquals(0, h.state().step());
    }

    @Test
    void playingWaitsTheRecordedPauseAtTheChosenSpeed() {
        h.press(Action.STEP_FORWARD);
        h.press(Action.PLAY_PAUSE);
        assertTrue(h.state().playing());
        // steps 1 and 2 were recorded 2.5 s apart: at ×1 that plays as the longest pause, 2 s
        assertEquals(Duration.ofSeconds(2), h.waits.peek().delay());
        h.waitOnce();
        assertEquals(2, h.state().step());
        h.press(Action.FASTER);
        assertEquals(Duration.ofSeconds(1), h.waits.peekLast().delay());
        h.waitOnce(); // the wait from before the change: stale
        assertEquals(2, h.state().step());
        h.waitOnce();
        assertEquals(3, h.state().step());
        h.press(Action.PLAY_PAUSE);
        assertFalse(h.state().playing());
        h.waitOnce();
        assertEquals(3, h.state().step(), "a tick after the pause is dropped");
        assertTrue(h.screenText().lines().toList().get(23).startsWith(" ❚❚ PAUSE  step 3/67"));
    }

    @Test
    void playingStopsAtTheEnd() {
        h.type("66").press(Action.JUMP).press(Action.PLAY_PAUSE).waitOnce();
        assertEquals(67, h.state().step());
        assertFalse(h.state().playing());
        assertEquals("the end of the recording: 67 steps", h.state().message().text());
    }

    @Test
    void helpListsThePlayersKeysAndClosesAgain() {
        h.press(Action.HELP);
        assertInstanceOf(Overlay.Help.class, h.state().screen().overlay());
        h.key(new com.googlecode.lanterna.input.KeyStroke(com.googlecode.lanterna.input.KeyType.Escape));
        assertEquals(Overlay.NONE, h.state().screen().overlay());
        assertEquals(View.READ, h.state().screen().view());
    }

    @Test
    void takingOverWritesTheStepsSoFarToANewSession() throws Exception {
        h.type("30").press(Action.JUMP).press(Action.TAKE_OVER);
        assertTrue(h.state().quitting());
        Path fork = dir.resolve("branching-at-30.json");
        assertEquals(fork, h.state().forked());
        Replay forked = Replay.of(Recording.open(fork));
        assertEquals(30, forked.steps());
        assertTrue(SameTree.of(h.state().screen().loom(), forked.after(30).loom()));
    }

    @Test
    void leavingTakesNothingOver() {
        h.press(Action.LEAVE_PLAYER);
        assertTrue(h.state().quitting());
        assertNull(h.state().forked());
    }

    @Test
    void tokensKeepTheirProbabilityColours() {
        h.type("28").press(Action.JUMP);
        String top = h.screenText().lines().findFirst().orElseThrow();
        int col = top.indexOf("congratulate");
        Theme theme = h.state().screen().settings().theme();
        double p = Math.exp(h.state().screen().loom().node(new dev.weft.loom.NodeId(1)).tokens().logprob(0));
        TextColor expected = new Palette(ColorDepth.TRUECOLOR).ink(theme.probability(p).over(theme.style(Part.TEXT)))
                .fg();
        assertEquals(expected, h.cell(col, 0).getForegroundColor());
    }
}
