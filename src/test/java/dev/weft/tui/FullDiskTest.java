package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.replay.SameTree;
import dev.weft.session.FaultyDisk;
import dev.weft.session.SessionStore;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ColorDepth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loom on a disk that fills up or fails (ENOSPC, EIO at a seeded write): what the screen
 * holds after the failure is what reopening the files gives, or the screen says what is not
 * saved; generation stops; :w once there is room writes everything shown; q needs a second q.
 */
class FullDiskTest {
    static final int ROUNDS = Integer.getInteger("weft.faults.tui-rounds", 16);

    @TempDir
    Path dir;

    @Test
    void theScreenEqualsTheReopenedFilesOrSaysWhatIsNotSaved() throws Exception {
        int struck = 0;
        for (int seed = 0; seed < ROUNDS; seed++) {
            struck += round(seed) ? 1 : 0;
        }
        assertTrue(struck >= ROUNDS / 2, "too few rounds hit a fault: " + struck);
        assertTrue(onScreenOnly >= ROUNDS / 4, "too few rounds left work only on screen: " + onScreenOnly);
    }

    private int onScreenOnly;

    private boolean round(int seed) throws Exception {
        String at = "seed " + seed;
        Random random = new Random(seed);
        Path file = Files.createDirectory(dir.resolve("r" + seed)).resolve("drop.json");
        FaultyDisk disk = random.nextBoolean() ? FaultyDisk.withFree(800 + random.nextInt(12_000))
                : FaultyDisk.failingAt(4 + random.nextInt(60));
        StoreSession session;
        try {
            session = StoreSession.open(file, disk);
        } catch (IOException e) {
            assertFalse(e.getMessage().contains("\n"), at);
            return true; // nothing shown yet, nothing lost
        }
        TuiHarness h = TuiHarness.start(100, 30, TestModels.embedded(), ColorDepth.TRUECOLOR, session, Runnable::run);
        h.press(Action.EDIT).type("Mr President,").press(Action.COMMIT).command("set n 3").command("set max-tokens 24");
        for (int i = 0; i < 8; i++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> h.press(Action.GENERATE);
                case 2 -> h.press(Action.NODE_START).press(Action.CURSOR_RIGHT).press(Action.REGENERATE);
                case 3 -> h.press(Action.BOOKMARK).press(Action.SIBLING_NEXT);
                case 4 -> h.press(Action.EDIT).press(Action.CARET_END).type(" indeed").press(Action.COMMIT);
                default -> h.press(Action.TEXT_END);
            }
        }
        UiState shown = h.state();
        boolean failed = disk.failures() > 0;
        if (shown.unrecorded().any()) {
            onScreenOnly++;
            // the screen owns up: the status bar and no generation left running
            assertTrue(h.screenText().contains("NOT SAVED: " + shown.unrecorded().changes()), at + "\n" + h.screenText());
            assertTrue(shown.loom().nodes().stream().noneMatch(FullDiskTest::running), at);
        } else {
            Loom reopened = reopen(file);
            assertTrue(SameTree.of(shown.loom(), reopened), at + ": the screen shows what the files do not hold");
        }
        // room again: :w writes everything on screen and a fresh journal
        disk.free();
        h.command("w");
        UiState saved = h.state();
        assertFalse(saved.unrecorded().any(), at + ": " + saved.message());
        assertTrue(SameTree.of(saved.loom(), reopen(file)), at + ": :w did not save what the screen shows");
        // and recording goes on
        h.press(Action.GENERATE);
        assertFalse(h.state().unrecorded().any(), at);
        assertTrue(SameTree.of(h.state().loom(), reopen(file)), at);
        session.close();
        return failed;
    }

    @Test
    void quittingWithWorkOnlyOnScreenWarnsOnceAndTheSecondQQuits() throws Exception {
        Path file = dir.resolve("full.json");
        FaultyDisk disk = FaultyDisk.failingAt(0);
        StoreSession session = StoreSession.open(file, disk);
        TuiHarness h = TuiHarness.start(100, 30, TestModels.embedded(), ColorDepth.TRUECOLOR, session, Runnable::run);
        h.press(Action.EDIT).type("Mr President,").press(Action.COMMIT);
        disk.fill();
        h.press(Action.GENERATE);
        UiState s = h.state();
        assertTrue(s.unrecorded().any(), String.valueOf(s.message()));
        assertTrue(s.message().text().startsWith("not recorded: "), s.message().text());
        assertTrue(s.message().text().contains(FaultyDisk.ENOSPC), s.message().text());
        h.press(Action.QUIT);
        assertFalse(h.state().quitting());
        assertTrue(h.state().message().text().contains("q again quits without them"), h.state().message().text());
        h.press(Action.QUIT);
        assertTrue(h.state().quitting());
        session.close();
    }

    @Test
    void aSaveThatStillFailsSaysWhatIsOnlyOnScreen() throws Exception {
        Path file = dir.resolve("still.json");
        FaultyDisk disk = FaultyDisk.failingAt(0);
        StoreSession session = StoreSession.open(file, disk);
        TuiHarness h = TuiHarness.start(100, 30, TestModels.embedded(), ColorDepth.TRUECOLOR, session, Runnable::run);
        h.press(Action.EDIT).type("Mr President,").press(Action.COMMIT);
        disk.fill();
        h.press(Action.GENERATE).command("w");
        String message = h.state().message().text();
        assertTrue(message.startsWith("save failed: ") && message.contains("only on screen"), message);
        assertTrue(h.state().unrecorded().any());
        assertEquals(1, reopen(file).size(), "the file still holds the prompt alone");
        session.close();
    }

    private static boolean running(Node n) {
        return n.generation() != null && n.generation().finish() == FinishReason.RUNNING;
    }

    private static Loom reopen(Path file) throws Exception {
        try (SessionStore store = SessionStore.openReadOnly(file)) {
            return store.loom();
        }
    }
}
