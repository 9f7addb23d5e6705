package dev.weft.session;

import static dev.weft.session.SessionAssertions.assertSameLoom;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.TokenRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's promises: nothing recorded is lost, and nothing the user has is overwritten. */
class SessionStoreTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileStartsANewSessionAtOnce() throws Exception {
        Path file = dir.resolve("new.json");
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            assertEquals(0, store.loom().size());
            assertEquals(SessionView.START, store.view());
            assertFalse(store.hasUnsavedChanges());
        }
        assertEquals(0, SessionReader.read(file).loom().size());
        SessionException missing =
                assertThrows(SessionException.class, () -> SessionStore.open(dir.resolve("none.json")));
        assertEquals(dir.resolve("none.json") + ": no such session file", missing.getMessage());
    }

    @Test
    void recordedActionsSurviveACrashBeforeSaving() throws Exception {
        Path file = dir.resolve("s.json");
        RandomLooms random = RandomLooms.ended(11);
        SessionView view;
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            for (int i = 0; i < 200; i++) {
                LoomAction action = random.step();
                assertSameLoom(random.loom(), store.record(action).loom());
            }
            view = new SessionView(new NodeId(5), 2, Map.of("theme", "dark"));
            store.recordView(view);
            store.recordBackend(new BackendUse("embedded", "embedded", "kn4"));
            assertTrue(store.hasUnsavedChanges());
        } // a crash: the file was never saved, only the journal has the work

        try (SessionStore reopened = SessionStore.open(file)) {
            assertSameLoom(random.loom(), reopened.loom());
            assertEquals(view, reopened.view());
            assertEquals(List.of("kn4"), reopened.session().backends().profiles().get("embedded").models());
            assertEquals(202, reopened.session().journalSeq());
            assertTrue(reopened.hasUnsavedChanges());
            assertEquals(List.of(), reopened.warnings());
        }
    }

    @Test
    void aSaveWhenOnlyTheViewChangedWritesNothingAndTheViewStillComesBack() throws Exception {
        Path file = dir.resolve("s.json");
        RandomLooms random = new RandomLooms(13);
        SessionView view = new SessionView(new NodeId(1), 3, Map.of());
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            recordSteps(store, random, 10);
            store.save();
            byte[] saved = Files.readAllBytes(file);
            store.recordView(view);
            store.save();
            assertArrayEquals(saved, Files.readAllBytes(file), "a cursor move rewrote the file");
            store.recordBackend(new BackendUse("embedded", "embedded", "kn4"));
            store.save();
            assertFalse(java.util.Arrays.equals(saved, Files.readAllBytes(file)), "a new backend is saved");
        }
        try (SessionStore reopened = SessionStore.open(file)) {
            assertEquals(view, reopened.view());
        }
    }

    @Test
    void openingReplaysOnlyWhatTheFileDoesNotHave() throws Exception {
        Path file = dir.resolve("s.json");
        RandomLooms random = RandomLooms.ended(12);
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            recordSteps(store, random, 30);
            store.save();
            assertFalse(store.hasUnsavedChanges());
            recordSteps(store, random, 30);
        }
        assertEquals(30, SessionReader.read(file).journalSeq());
        assertEquals(60, SessionJournal.read(SessionFormat.journalOf(file)).entries().size());

        try (SessionStore reopened = SessionStore.open(file)) {
            assertSameLoom(random.loom(), reopened.loom());
            recordSteps(reopened, random, 5);
            reopened.save();
        }
        try (SessionStore again = SessionStore.open(file)) {
            assertSameLoom(random.loom(), again.loom());
            assertEquals(65, again.session().journalSeq());
            assertFalse(again.hasUnsavedChanges());
        }
    }

    @Test
    void aLastJournalLineCutByACrashIsDroppedWithAWarning() throws Exception {
        Path file = dir.resolve("s.json");
        RandomLooms random = RandomLooms.ended(13);
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            recordSteps(store, random, 20);
        }
        Loom before = random.loom();
        Path journal = SessionFormat.journalOf(file);
        byte[] line = JournalCodec.encode(new JournalEntry.Action(21, java.time.Instant.EPOCH, random.step()));
        Files.write(journal, Arrays.copyOf(line, line.length / 2), StandardOpenOption.APPEND);

        try (SessionStore reopened = SessionStore.open(file)) {
            assertSameLoom(before, reopened.loom());
            String warning = journal + ":21: ignored an incomplete last entry"
                    + " (cut off by a crash while it was written)";
            assertEquals(List.of(warning), reopened.warnings());
            reopened.record(new LoomAction.AddRoot(TokenRun.unscored("after the crash")));
        }
        try (SessionStore again = SessionStore.open(file)) {
            assertEquals(List.of(), again.warnings());
            assertEquals(21, again.session().journalSeq());
        }
    }

    @Test
    void aCompleteLastEntryWithoutItsNewlineIsKept() throws Exception {
        Path file = dir.resolve("s.json");
        RandomLooms random = RandomLooms.ended(14);
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            recordSteps(store, random, 10);
        }
        Path journal = SessionFormat.journalOf(file);
        byte[] bytes = Files.readAllBytes(journal);
        Files.write(journal, Arrays.copyOf(bytes, bytes.length - 1));

        try (SessionStore reopened = SessionStore.open(file)) {
            assertSameLoom(random.loom(), reopened.loom());
            recordSteps(reopened, random, 1);
        }
        try (SessionStore again = SessionStore.open(file)) {
            assertSameLoom(random.loom(), again.loom());
        }
    }

    @Test
    void aCorruptJournalLineRefusesToOpenAndTouchesNothing() throws Exception {
        Path file = dir.resolve("s.json");
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            recordSteps(store, RandomLooms.ended(15), 10);
        }
        Path journal = SessionFormat.journalOf(file);
        List<String> lines = Files.readAllLines(journal);
        lines.set(3, lines.get(3).replace("\"kind\"", "\"knid\""));
        Files.write(journal, lines);
        byte[] journalBytes = Files.readAllBytes(journal);
        byte[] fileBytes = Files.readAllBytes(file);

        SessionException e = assertThrows(SessionException.class, () -> SessionStore.open(file));

        assertTrue(e.getMessage().startsWith(journal + ":4:"), e.getMessage());
        assertTrue(e.getMessage().contains("expected \"kind\" here"), e.getMessage());
        assertArrayEquals(journalBytes, Files.readAllBytes(journal));
        assertArrayEquals(fileBytes, Files.readAllBytes(file));
    }

    @Test
    void aCorruptFileIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\n  \"format\": \"weft-session\",\n  \"version\": 1,\n  \"created\": 12\n}\n");
        byte[] before = Files.readAllBytes(file);

        SessionException open = assertThrows(SessionException.class, () -> SessionStore.open(file));
        SessionException create = assertThrows(SessionException.class, () -> SessionStore.openOrCreate(file));

        String expected = file + ":4:14: expected \"created\" to be a string";
        assertEquals(expected, open.getMessage());
        assertEquals(expected, create.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertFalse(Files.exists(SessionFormat.journalOf(file)), "a session that did not open leaves no journal");
    }

    @Test
    void anActionThatDoesNotApplyIsNotJournaled() throws Exception {
        Path file = dir.resolve("s.json");
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            NodeId root = store.record(new LoomAction.AddRoot(TokenRun.unscored("Hi"))).node();
            long journalSize = Files.size(SessionFormat.journalOf(file));

            assertThrows(IllegalArgumentException.class, () -> store.record(new LoomAction.Split(root, 5)));

            assertEquals(journalSize, Files.size(SessionFormat.journalOf(file)));
            assertEquals(1, store.session().journalSeq());
        }
    }

    @Test
    void aFileChangedOnDiskIsNotOverwrittenUnlessForced() throws Exception {
        Path file = dir.resolve("s.json");
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            store.record(new LoomAction.AddRoot(TokenRun.unscored("mine")));
            Files.writeString(file, "someone else's edit");

            SessionException e = assertThrows(SessionException.class, store::save);

            assertEquals(file + ": changed on disk since it was opened; not saved"
                    + " (reopen it, or force the save to overwrite the change)", e.getMessage());
            assertEquals("someone else's edit", Files.readString(file));
            store.forceSave();
            store.record(new LoomAction.AddRoot(TokenRun.unscored("more")));
            store.save(); // our own save does not count as a change on disk
        }
        assertEquals(2, SessionReader.read(file).loom().size());
    }

    @Test
    void aSecondWeftCannotOpenTheSameSession() throws Exception {
        Path file = dir.resolve("s.json");
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            store.record(new LoomAction.AddRoot(TokenRun.unscored("Hi")));

            SessionException e = assertThrows(SessionException.class, () -> SessionStore.open(file));

            assertEquals(SessionFormat.journalOf(file) + ": the session is already open (here or in another weft)",
                    e.getMessage());
            try (SessionStore reader = SessionStore.openReadOnly(file)) {
                assertEquals(1, reader.loom().size(), "a reader sees what is journaled");
            }
            assertTrue(journalIsLocked(file), "neither the failed open nor the reader dropped the lock");
        }
        assertFalse(journalIsLocked(file));
    }

    @Test
    void readOnlySeesTheJournalAndWritesNothing() throws Exception {
        Path file = dir.resolve("s.json");
        RandomLooms random = RandomLooms.ended(16);
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            recordSteps(store, random, 10);
        }
        byte[] journal = Files.readAllBytes(SessionFormat.journalOf(file));

        try (SessionStore reader = SessionStore.openReadOnly(file)) {
            assertSameLoom(random.loom(), reader.loom());
            assertEquals(10, reader.journal().entries().size());
            assertThrows(IllegalStateException.class, () -> reader.record(new LoomAction.AddRoot(TokenRun.EMPTY)));
            assertThrows(IllegalStateException.class, reader::save);
        }
        assertArrayEquals(journal, Files.readAllBytes(SessionFormat.journalOf(file)));
    }

    @Test
    void aJournalWithoutItsFileIsNotMistakenForANewSession() throws Exception {
        Path file = dir.resolve("s.json");
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            recordSteps(store, RandomLooms.ended(17), 3);
        }
        Files.delete(file);

        SessionException e = assertThrows(SessionException.class, () -> SessionStore.openOrCreate(file));

        assertTrue(e.getMessage().startsWith(SessionFormat.journalOf(file) + ": a journal without its session file"),
                e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void aJournalEntryThatDoesNotApplyRefusesToOpen() throws Exception {
        Path file = dir.resolve("s.json");
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            store.record(new LoomAction.AddRoot(TokenRun.unscored("Hi")));
        }
        Files.writeString(SessionFormat.journalOf(file),
                "{\"seq\":2,\"at\":\"2024-05-01T12:00:00Z\",\"kind\":\"join\",\"node\":9}\n",
                StandardOpenOption.APPEND);

        SessionException e = assertThrows(SessionException.class, () -> SessionStore.open(file));

        assertEquals(SessionFormat.journalOf(file) + ": entry seq 2 does not apply to the session: no node #9",
                e.getMessage());
    }

    @Test
    void theJournalIsTheRecordingOfEverything() throws Exception {
        Path file = dir.resolve("s.json");
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            NodeId root = store.record(new LoomAction.AddRoot(TokenRun.unscored("Hi"))).node();
            store.recordView(store.view().at(root, 0));
            store.save();
            store.record(new LoomAction.Bookmark(root, true));

            List<JournalEntry> entries = store.journal().entries();

            assertEquals(List.of(1L, 2L, 3L), entries.stream().map(JournalEntry::seq).toList());
            assertTrue(entries.get(1) instanceof JournalEntry.ViewChange);
        }
    }

    /**
     * Asks from another process, as a second weft would. (Asking from this JVM would not do: on
     * POSIX, closing the probe's channel would itself drop the store's lock.)
     */
    private boolean journalIsLocked(Path file) throws IOException, InterruptedException {
        Path probe = Files.writeString(dir.resolve("LockProbe.java"), String.join("\n",
                "import java.nio.channels.FileChannel;",
                "import java.nio.file.*;",
                "public class LockProbe {",
                "  public static void main(String[] a) throws Exception {",
                "    try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE)) {",
                "      System.out.print(c.tryLock() == null ? \"locked\" : \"free\");",
                "    }",
                "  }",
                "}"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                probe.toString(), SessionFormat.journalOf(file).toString()).redirectErrorStream(true).start();
        String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), answer);
        return answer.equals("locked");
    }

    private static void recordSteps(SessionStore store, RandomLooms random, int steps) throws SessionException {
        for (int i = 0; i < steps; i++) {
            store.record(random.step());
        }
    }
}
