package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.LoomAction;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.tui.state.Focus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new session's file is created by its first change: starting and leaving writes nothing. */
class NewSessionTest {
    @TempDir Path dir;

    private static LoomAction prompt(String text) {
        return new LoomAction.AddRoot(TokenRun.of(Token.unscored(text)));
    }

    private long filesIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    @Test
    void startingLookingAroundSavingAndLeavingWritesNothing() throws Exception {
        Path file = dir.resolve("sessions/loom-20250102-030405.json");
        LoomSession s = NewSession.at(file);
        assertEquals("loom-20250102-030405.json", s.name());
        assertEquals(0, s.loom().size());
        s.recordView(Focus.NONE, Map.of("temperature", "0.5"));
        s.saveShown(s.loom(), Focus.NONE, Map.of());
        s.save();
        s.close();
        assertFalse(Files.exists(dir.resolve("sessions")), "no folder, no file, no journal");
        assertEquals("nothing saved: the session was not changed, so no file was written",
                LoomApp.savedLine(file, 0, dir));
    }

    @Test
    void theFirstChangeCreatesTheFileAndItsJournalAndEverythingIsKept() throws Exception {
        Path file = dir.resolve("sessions/s.json");
        LoomSession s = NewSession.at(file);
        s.recordView(Focus.NONE, Map.of("temperature", "0.5"));
        s.record(prompt("Are bugs real?"));
        assertTrue(Files.exists(file));
        assertTrue(Files.exists(dir.resolve("sessions/s.json.journal")));
        s.save();
        s.close();
        try (StoreSession again = StoreSession.open(file)) {
            assertEquals(1, again.loom().size());
            assertEquals("Are bugs real?", again.loom().pathText(again.loom().roots().get(0)));
        }
        assertEquals("saved sessions/s.json (1 node)", LoomApp.savedLine(file, 1, dir));
        assertEquals("saved " + file + " (3 nodes)", LoomApp.savedLine(file, 3, dir.resolve("elsewhere")));
    }

    @Test
    void aKeptDistributionIsAChangeAndCreatesTheFile() throws Exception {
        Path file = dir.resolve("sessions/d.json");
        LoomSession s = NewSession.at(file);
        var side = new dev.weft.analysis.AnalysisRecord.Side("embedded", "embedded", "kn-3");
        var distribution = new dev.weft.analysis.CandidateDistribution(java.util.List.of(
                dev.weft.analysis.CandidateProbability.exact("7", " 7", 0.5)));
        s.recordAnalysis(new dev.weft.analysis.DistRecord(java.time.Instant.parse("2024-05-01T12:00:00Z"), null, 0,
                "Pick a number:", "7", " ", java.util.List.of(new dev.weft.analysis.DistRecord.Run(side, distribution, null))));
        s.close();
        assertTrue(Files.exists(file), "the run is kept: the file is created for it");
        assertTrue(Files.readString(dir.resolve("sessions/d.json.journal")).contains("Pick a number:"));
    }

    @Test
    void aFileThatExistsIsOpenedAsBefore() throws Exception {
        Path file = dir.resolve("s.json");
        try (LoomSession first = NewSession.at(file)) {
            first.record(prompt("one"));
            first.save();
        }
        LoomSession s = NewSession.at(file);
        assertTrue(s instanceof StoreSession);
        assertEquals(1, s.loom().size());
        s.close();
    }

    @Test
    void whenTheFileCannotBeCreatedNothingMoreIsJournaledUntilAWholeSave() throws Exception {
        Path file = dir.resolve("s.json");
        int[] tries = {0};
        NewSession s = new NewSession(file, path -> {
            if (tries[0]++ == 0) {
                throw new IOException("No space left on device");
            }
            return StoreSession.open(path);
        });
        assertThrows(IOException.class, () -> s.record(prompt("one")));
        IOException refused = assertThrows(IOException.class, () -> s.record(prompt("two")));
        assertTrue(refused.getMessage().contains(":w saves all"), refused.getMessage());
        assertEquals(1, tries[0], "no second try that would journal 'two' without 'one'");
        assertFalse(Files.exists(file));

        // :w: the tree the screen shows, whole
        dev.weft.loom.Loom shown = prompt("one").apply(dev.weft.loom.Loom.empty()).loom();
        shown = prompt("two").apply(shown).loom();
        s.saveShown(shown, Focus.NONE, Map.of());
        s.record(new LoomAction.AddRoot(TokenRun.of(Token.unscored("three"))));
        s.save();
        s.close();
        try (StoreSession again = StoreSession.open(file)) {
            assertEquals(3, again.loom().size());
        }
    }

    @Test
    void saveAsBeforeAnyChangeWritesTheEmptySessionWhereAsked() throws Exception {
        LoomSession s = NewSession.at(dir.resolve("new.json"));
        LoomSession there = s.saveAs(dir.resolve("kept.json"));
        assertTrue(Files.exists(dir.resolve("kept.json")));
        assertFalse(Files.exists(dir.resolve("new.json")));
        there.close();
        assertEquals(2, filesIn(dir), "kept.json and its journal");
    }
}
