package dev.weft.replay;

import static dev.weft.replay.Fixtures.generation;
import static dev.weft.replay.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.FinishReason;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import dev.weft.session.BackendUse;
import dev.weft.session.JournalEntry;
import dev.weft.session.Session;
import dev.weft.session.SessionException;
import dev.weft.session.SessionFile;
import dev.weft.session.SessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
    @TempDir Path dir;

    /** Every kind of journal entry, streamed like the TUI streams, saved half way so the journal runs past the file. */
    private Path everyKindOfStep() throws Exception {
        Path file = dir.resolve("s.json");
        TickingClock clock = new TickingClock(Fixtures.START, Duration.ofSeconds(2));
        try (SessionStore store = SessionStore.openOrCreate(file, clock)) {
            store.recordBackend(new BackendUse("embedded", "embedded", "kn4-test"));
            NodeId root = store.record(new LoomAction.AddRoot(TokenRun.unscored("Mr President,"))).node();
            store.record(new LoomAction.Rescore(root, run("Mr", " President", ",")));
            LoomAction.Append started = new LoomAction.Append(root, TokenRun.EMPTY, Origin.MODEL,
                    generation(FinishReason.RUNNING));
            NodeId a = store.record(started).node();
            NodeId b = store.record(started).node();
            store.record(new LoomAction.Extend(a, run(" I", " would")));
            store.record(new LoomAction.Extend(b, run(" the")));
            store.record(new LoomAction.Extend(a, run(" like")));
            store.record(new LoomAction.Finish(a, FinishReason.LENGTH));
            store.record(new LoomAction.Finish(b, FinishReason.STOP));
            store.save();
            NodeId swapped = store.record(new LoomAction.Swap(a, 1, 2)).node();
            store.record(new LoomAction.Append(swapped, run(" to"), Origin.MODEL, generation(FinishReason.LENGTH)));
            NodeId edit = store.record(new LoomAction.Perturb(b, 0, 4, " a motion", false)).node();
            NodeId tail = new NodeId(swapped.value() - 1); // the swap split a before its second token
            store.record(new LoomAction.Split(tail, 1));
            store.record(new LoomAction.Join(tail));
            store.record(new LoomAction.Bookmark(edit, true));
            store.record(new LoomAction.Delete(b));
            store.record(new LoomAction.Undelete(b));
            store.recordView(store.view().at(swapped, 0).withSetting("theme", "dark"));
        }
        return file;
    }

    @Test
    void replayingTheRecordingRebuildsTheSession() throws Exception {
        Recording recording = Recording.open(everyKindOfStep());
        Replay replay = Replay.of(recording);

        assertEquals(19, replay.steps());
        assertTrue(replay.rebuildsTheSession());
        assertTrue(SameTree.of(recording.end().loom(), replay.after(replay.steps()).loom()));
        assertEquals(0, replay.after(0).loom().size());
    }

    @Test
    void anyStepCanBeReachedInAnyOrder() throws Exception {
        Replay replay = Replay.of(Recording.open(everyKindOfStep()));
        Session stepped = replay.after(0);
        for (int step = 1; step <= replay.steps(); step++) {
            stepped = stepped.apply(replay.entry(step));
            assertTrue(SameTree.of(stepped.loom(), replay.after(step).loom()), "step " + step);
        }
        assertEquals(3, replay.after(3).loom().node(new NodeId(0)).tokens().size()); // the rescore is step 3
    }

    @Test
    void longRecordingsJumpFromCheckpoints() throws Exception {
        Path file = dir.resolve("long.json");
        int extends_ = 3 * Replay.CHECKPOINT_EVERY + 17;
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            NodeId root = store.record(new LoomAction.AddRoot(TokenRun.unscored("x"))).node();
            NodeId node = store.record(new LoomAction.Append(root, TokenRun.EMPTY, Origin.MODEL,
                    generation(FinishReason.RUNNING))).node();
            for (int i = 0; i < extends_; i++) {
                store.record(new LoomAction.Extend(node, run(" w" + i)));
            }
        }
        Replay replay = Replay.of(Recording.open(file));
        // after step 2 the node exists; each later step adds one token
        for (int step : new int[] {replay.steps(), 2 + Replay.CHECKPOINT_EVERY, 2, 2 * Replay.CHECKPOINT_EVERY + 5}) {
            assertEquals(step - 2, replay.after(step).loom().node(new NodeId(1)).tokens().size(), "after step " + step);
        }
        assertEquals(0, replay.after(0).loom().size());
        assertTrue(replay.rebuildsTheSession());
    }

    @Test
    void stepsAreDescribedInWords() throws Exception {
        Replay replay = Replay.of(Recording.open(everyKindOfStep()));
        List<String> lines = new java.util.ArrayList<>();
        for (int step = 1; step <= replay.steps(); step++) {
            StepSummary s = StepSummary.of(replay.entry(step), replay.after(step - 1), replay.after(step));
            lines.add(s.kind() + ": " + s.text());
        }
        assertEquals("backend: requests go to embedded · kn4-test (profile embedded)", lines.get(0));
        assertEquals("prompt: prompt #0 \"Mr President,\"", lines.get(1));
        assertEquals("completion: completion #1 under #0 requested from kn4-test at T=1 seed 7", lines.get(3));
        assertEquals("stream: #1 +2 tokens \" I would\"", lines.get(5));
        assertEquals("swap: swap at #1 token 1: \" would\" → \" wouldY\" (p 0.11) = #4, splitting #1", lines.get(10));
        assertEquals("edit: edit of #2: \" the\" → \" a motion\" = #6", lines.get(12));
        assertEquals("view: view at #4 token 0 · theme=dark", lines.get(18));
    }

    @Test
    void aSessionWithoutItsJournalHasNothingToReplay() throws Exception {
        Path file = everyKindOfStep();
        Files.delete(SessionFile.journalOf(file));
        SessionException e = assertThrows(SessionException.class, () -> Recording.open(file));
        assertEquals(file + ": nothing to replay: its journal s.json.journal is missing or empty"
                + " (a session file alone holds the tree, not how it grew)", e.getMessage());
    }

    @Test
    void aJournalMissingItsFirstEntriesIsRefused() throws Exception {
        Path file = everyKindOfStep();
        Path journal = SessionFile.journalOf(file);
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, lines.subList(10, lines.size())); // the file holds seq 1..10, so it still opens
        SessionException e = assertThrows(SessionException.class, () -> Recording.open(file));
        assertEquals(journal + ": the recording starts at seq 11; the entries before it are missing,"
                + " so it cannot be replayed from the start", e.getMessage());
    }

    @Test
    void anEntryThatDoesNotApplyIsNamed() throws Exception {
        Path file = dir.resolve("bad.json");
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            store.record(new LoomAction.AddRoot(TokenRun.unscored("x")));
            store.save();
        }
        // hand-edit: the second entry now names a node that does not exist; the file already includes it
        Path journal = SessionFile.journalOf(file);
        Files.writeString(journal, Files.readString(journal)
                + "{\"seq\":2,\"at\":\"2026-12-01T09:00:00Z\",\"kind\":\"delete\",\"node\":9}\n");
        Files.writeString(file, Files.readString(file).replaceFirst("\"journal_seq\":\\s*1", "\"journal_seq\": 2"));

        Recording recording = Recording.open(file);
        assertEquals(2, recording.size());
        assertTrue(recording.entries().get(1) instanceof JournalEntry.Action);
        SessionException e = assertThrows(SessionException.class, () -> Replay.of(recording));
        assertEquals(file + ".journal: entry seq 2 does not apply to the tree replayed so far: no node #9",
                e.getMessage());
    }
}
