package dev.weft.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.session.SessionException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkTest {
    @TempDir Path dir;

    @Test
    void aForkHoldsTheStepsSoFarAndIsARecordingItself() throws Exception {
        Replay replay = Replay.of(Recording.open(Path.of("sessions/branching.json")));
        Path fork = dir.resolve("fork.json");
        Fork.toStep(replay, 30, fork);

        Recording forked = Recording.open(fork);
        assertEquals(30, forked.size());
        assertTrue(SameTree.of(replay.after(30).loom(), forked.end().loom()));
        assertEquals(replay.after(30).view(), forked.end().view());
        assertEquals(replay.entry(30).at(), forked.entries().get(29).at(), "the recorded times are kept");
        assertTrue(Replay.of(forked).rebuildsTheSession());
    }

    @Test
    void aForkNeverOverwrites() throws Exception {
        Replay replay = Replay.of(Recording.open(Path.of("sessions/branching.json")));
        Path taken = Files.writeString(dir.resolve("taken.json"), "{}");
        SessionException e = assertThrows(SessionException.class, () -> Fork.toStep(replay, 3, taken));
        assertEquals(taken + " exists; the fork needs a new file", e.getMessage());
    }
}
