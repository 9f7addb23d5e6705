package dev.weft.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import dev.weft.replay.Recording;
import dev.weft.replay.Replay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generation with no end in a session being opened was cut by the death of the process that
 * ran it (a dropped connection): opening and replaying mark it cut, once, with one notice.
 */
class InterruptedGenerationsTest {
    private static final String NOTICE = "3 generations were interrupted when the session was last closed; marked [cut]";

    @TempDir
    Path dir;

    /** A prompt and a generation of three completions, two with tokens, the process killed before any ended. */
    private Path killedWhileGenerating() throws Exception {
        Path file = dir.resolve("drop.json");
        SessionStore store = SessionStore.openOrCreate(file);
        NodeId root = store.record(new LoomAction.AddRoot(TokenRun.unscored("Mr President,"))).node();
        Generation running = new Generation("embedded", "kn3", SamplingParams.DEFAULTS, Instant.EPOCH, FinishReason.RUNNING);
        for (int i = 0; i < 3; i++) {
            NodeId node = store.record(new LoomAction.Append(root, TokenRun.EMPTY, Origin.MODEL, running)).node();
            if (i < 2) {
                store.record(new LoomAction.Extend(node, TokenRun.unscored(" we the people")));
            }
        }
        store.close(); // never finished: as after SIGHUP
        return file;
    }

    @Test
    void openingMarksEveryUnfinishedGenerationCutAndSaysSoOnce() throws Exception {
        Path file = killedWhileGenerating();
        try (SessionStore store = SessionStore.open(file)) {
            assertEquals(List.of(NOTICE), store.warnings());
            assertEquals(3, store.loom().nodes().stream().filter(n -> n.generation() != null
                    && n.generation().finish() == FinishReason.CUT).count());
            assertTrue(store.loom().nodes().stream().noneMatch(n -> n.generation() != null
                    && n.generation().finish() == FinishReason.RUNNING));
        }
        // journaled: the next open finds them cut and says nothing
        try (SessionStore again = SessionStore.open(file)) {
            assertEquals(List.of(), again.warnings());
            assertEquals(3, again.loom().nodes().stream().filter(n -> n.generation() != null
                    && n.generation().finish() == FinishReason.CUT).count());
        }
    }

    @Test
    void aReadOnlyOpenShowsThemCutWithoutWritingAnything() throws Exception {
        Path file = killedWhileGenerating();
        byte[] journal = Files.readAllBytes(SessionFile.journalOf(file));
        byte[] session = Files.readAllBytes(file);
        try (SessionStore store = SessionStore.openReadOnly(file)) {
            assertEquals(List.of(NOTICE), store.warnings());
            assertTrue(store.loom().nodes().stream().noneMatch(n -> n.generation() != null
                    && n.generation().finish() == FinishReason.RUNNING));
        }
        assertArrayEquals(journal, Files.readAllBytes(SessionFile.journalOf(file)));
        assertArrayEquals(session, Files.readAllBytes(file));
    }

    @Test
    void replayingARecordingThatEndsMidGenerationEndsWithThemCut() throws Exception {
        Path file = killedWhileGenerating();
        Recording recording = Recording.open(file);
        assertTrue(recording.warnings().contains(NOTICE));
        Replay replay = Replay.of(recording);
        // mid-way the generation is still arriving, as it was then; at the end it is over
        assertTrue(replay.after(replay.steps() - 1).loom().nodes().stream().anyMatch(n -> n.generation() != null
                && n.generation().finish() == FinishReason.RUNNING));
        assertTrue(replay.after(replay.steps()).loom().nodes().stream().noneMatch(n -> n.generation() != null
                && n.generation().finish() == FinishReason.RUNNING));
        assertTrue(replay.rebuildsTheSession());
    }
}
