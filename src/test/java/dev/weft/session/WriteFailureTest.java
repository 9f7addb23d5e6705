package dev.weft.session;

import static dev.weft.session.SessionAssertions.assertSameLoom;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (ENOSPC) or a failing device (EIO) at any write, on seeded plans: the journal
 * never has a gap, nothing is appended after a failed append, reopening gives exactly what was
 * recorded, the store says it is behind, and a whole save once there is room brings the files
 * level with what the user saw.
 */
class WriteFailureTest {
    static final int ROUNDS = Integer.getInteger("weft.faults.rounds", 60);

    @TempDir
    Path dir;

    @Test
    void seededFaultsNeverLeaveAGapOrLoseWhatWasRecorded() throws Exception {
        int failedRounds = 0;
        for (int seed = 0; seed < ROUNDS; seed++) {
            failedRounds += round(seed) ? 1 : 0;
        }
        assertTrue(failedRounds >= ROUNDS / 2, "too few rounds hit a fault: " + failedRounds + " of " + ROUNDS);
    }

    /** One seeded round; true when a fault struck. */
    private boolean round(int seed) throws Exception {
        String at = "seed " + seed;
        Path file = Files.createDirectory(dir.resolve("r" + seed)).resolve("s.json");
        FaultyDisk disk = FaultyDisk.seeded(seed, 60_000, 300);
        Random random = new Random(seed);
        SessionStore store;
        try {
            store = SessionStore.openOrCreate(file, Clock.systemUTC(), disk);
        } catch (SessionException e) {
            // could not even start: one line, and nothing half-written left as the session
            assertFalse(e.getMessage().contains("\n"), at);
            assertTrue(!Files.exists(file) || SessionReader.read(file).loom().size() == 0, at);
            disk.free();
            store = SessionStore.openOrCreate(file, Clock.systemUTC(), disk);
            store.close();
            return true;
        }
        RandomLooms actions = RandomLooms.ended(seed);
        Loom shown = Loom.empty();    // what a UI applying every action would show
        Loom recorded = Loom.empty(); // what was journaled
        byte[] journalAtFailure = null;
        for (int i = 0; i < 120; i++) {
            LoomAction action = actions.step();
            shown = action.apply(shown).loom();
            try {
                recorded = store.record(action).loom();
                assertNull(store.writeFailure(), at);
            } catch (SessionException e) {
                assertFalse(e.getMessage().contains("\n"), at);
                assertNotNull(store.writeFailure(), at);
                assertTrue(store.hasUnsavedChanges(), at);
                byte[] now = Files.readAllBytes(SessionFormat.journalOf(file));
                if (journalAtFailure == null) {
                    journalAtFailure = now;
                } else {
                    assertArrayEquals(journalAtFailure, now, at + ": appended after a failed append");
                }
            }
            if (random.nextInt(25) == 0) {
                try {
                    store.save(); // a failed save leaves the previous file and the journal as they were
                } catch (SessionException e) {
                    assertFalse(e.getMessage().contains("\n"), at);
                }
            }
        }
        boolean struck = store.writeFailure() != null;
        assertNoGap(file, at);
        // what the files hold now is what was recorded; the rest the store owns up to
        try (SessionStore reader = SessionStore.openReadOnly(file)) {
            assertSameLoom(recorded, reader.loom());
        }
        if (!struck) {
            assertSameLoom(shown, recorded);
            store.close();
            return disk.failures() > 0;
        }
        // still full: a whole save fails, says so, and leaves the previous file intact
        if (random.nextBoolean()) {
            Loom whole = shown;
            SessionStore open = store;
            SessionException e = assertThrows(SessionException.class, () -> open.saveWhole(whole, SessionView.START));
            assertTrue(e.getMessage().contains("cannot save (the previous file is intact)")
                    || e.getMessage().contains("cannot start a fresh journal"), at + ": " + e.getMessage());
            try (SessionStore reader = SessionStore.openReadOnly(file)) {
                assertTrue(reader.loom().size() <= shown.size(), at);
            }
        }
        disk.free();
        store.saveWhole(shown, SessionView.START);
        assertNull(store.writeFailure(), at);
        for (int i = 0; i < 10; i++) {
            LoomAction action = actions.step();
            shown = action.apply(shown).loom();
            store.record(action);
        }
        store.close();
        assertNoGap(file, at);
        try (SessionStore reopened = SessionStore.open(file)) {
            assertSameLoom(shown, reopened.loom());
            assertEquals(List.of(), reopened.warnings(), at);
        }
        return true;
    }

    /** The journal's entries follow the file's journal_seq one by one. */
    private static void assertNoGap(Path file, String at) throws Exception {
        long seq = SessionReader.read(file).journalSeq();
        List<JournalEntry> entries = SessionJournal.read(SessionFormat.journalOf(file)).entries();
        long expected = -1;
        for (JournalEntry e : entries) {
            if (expected >= 0) {
                assertEquals(expected, e.seq(), at + ": a gap in the journal");
            }
            expected = e.seq() + 1;
        }
        if (!entries.isEmpty()) {
            long last = entries.get(entries.size() - 1).seq();
            assertTrue(last >= seq, at + ": the file is ahead of its journal");
            assertTrue(entries.get(0).seq() <= seq + 1, at + ": entries missing after the file's journal_seq");
        }
    }
}
