package dev.weft.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.TokenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft tree} shows no token's alternatives, which are most of a big tree's objects: the
 * session is read with every check but without them, and is otherwise the same tree.
 */
class WithoutAlternativesTest {
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theTreeIsTheSameButForTheAlternatives() throws Exception {
        for (long seed = 1; seed <= 20; seed++) {
            Loom loom = RandomLooms.grow(seed, 80);
            Path file = dir.resolve("s" + seed + ".json");
            SessionFile.write(file, new Session(AT, AT, 2, SessionBackends.NONE, SessionView.START, loom));
            Session light = SessionReader.readWithoutAlternatives(file);
            assertEquals(loom.size(), light.loom().size());
            assertEquals(loom.roots(), light.loom().roots());
            assertEquals(loom.nextId(), light.loom().nextId());
            int alternatives = 0;
            for (Node n : loom.nodes()) {
                Node l = light.loom().node(n.id());
                String where = "seed " + seed + ", node " + n.id();
                assertEquals(n.parent(), l.parent(), where);
                assertEquals(n.children(), l.children(), where);
                assertEquals(n.origin(), l.origin(), where);
                assertEquals(n.generation(), l.generation(), where);
                assertEquals(n.bookmarked(), l.bookmarked(), where);
                assertEquals(n.deleted(), l.deleted(), where);
                assertEquals(n.marks(), l.marks(), where);
                TokenRun run = n.tokens();
                assertEquals(run.size(), l.tokens().size(), where);
                for (int i = 0; i < run.size(); i++) {
                    assertEquals(run.piece(i), l.tokens().piece(i), where);
                    assertEquals(Double.doubleToLongBits(run.logprob(i)), Double.doubleToLongBits(l.tokens().logprob(i)), where);
                    assertEquals(0, l.tokens().alternativeCount(i), where);
                    alternatives += run.alternativeCount(i);
                }
                assertEquals(n.text(), l.text(), where);
            }
            assertTrue(alternatives > 0, "seed " + seed + ": the tree had alternatives to leave out");
        }
    }

    /** A session looked at in the loom gathers view entries in its journal; they keep the light read. */
    @Test
    void viewEntriesInTheJournalApplyToTheLightRead() throws Exception {
        Loom loom = RandomLooms.grow(7, 60);
        Path file = dir.resolve("looked-at.json");
        SessionFile.write(file, new Session(AT, AT, 0, SessionBackends.NONE, SessionView.START, loom));
        dev.weft.loom.NodeId last = java.util.List.copyOf(loom.nodes()).get(loom.size() - 1).id();
        SessionView moved = new SessionView(last, 3, java.util.Map.of("temperature", "0.7"));
        try (SessionStore store = SessionStore.open(file)) {
            store.forceSave(); // the random tree's unfinished generations, cut on opening, go into the file
            store.recordView(new SessionView(loom.roots().get(0), 1, java.util.Map.of()));
            store.recordView(moved);
        }
        try (SessionStore light = SessionStore.openReadOnlyWithoutAlternatives(file)) {
            assertEquals(moved, light.view());
            assertEquals(loom.size(), light.loom().size());
            for (Node n : light.loom().nodes()) {
                for (int i = 0; i < n.tokens().size(); i++) {
                    assertEquals(0, n.tokens().alternativeCount(i), "read without alternatives: node " + n.id());
                }
            }
        }
    }

    @Test
    void theAlternativesAreStillChecked() throws Exception {
        Loom loom = RandomLooms.grow(5, 40);
        Path file = dir.resolve("s.json");
        SessionFile.write(file, new Session(AT, AT, 0, SessionBackends.NONE, SessionView.START, loom));
        String text = Files.readString(file);
        int at = text.indexOf("\"alternatives\":[") + "\"alternatives\":[".length();
        assertTrue(text.charAt(at) != ']', "a node with alternatives comes first");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text.substring(0, at) + "99999999," + text.substring(at));
        SessionException whole = assertThrows(SessionException.class, () -> SessionFile.read(bad));
        SessionException light = assertThrows(SessionException.class, () -> SessionReader.readWithoutAlternatives(bad));
        assertEquals(whole.getMessage(), light.getMessage());
        assertTrue(light.getMessage().contains("indexes into \"pieces\""), light.getMessage());
    }

    @Test
    void aPieceOnlyAnAlternativeUsesIsStillChecked() throws Exception {
        Loom loom = RandomLooms.grow(5, 40);
        Path file = dir.resolve("s.json");
        SessionFile.write(file, new Session(AT, AT, 0, SessionBackends.NONE, SessionView.START, loom));
        String text = Files.readString(file);
        // one more piece at the table's end, used by nothing: a bad one is refused all the same
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text.replace("\n],\n\"generations\"", ",\n[1,256]\n],\n\"generations\""));
        SessionException whole = assertThrows(SessionException.class, () -> SessionFile.read(bad));
        SessionException light = assertThrows(SessionException.class, () -> SessionReader.readWithoutAlternatives(bad));
        assertTrue(whole.getMessage().contains("to be an integer from 0 to 255"), whole.getMessage());
        assertTrue(light.getMessage().contains("to be an integer from 0 to 255"), light.getMessage());
    }

    @Test
    void versionOneFilesReadAsBefore() throws Exception {
        Path v1 = Path.of(getClass().getResource("example-v1.json").toURI());
        SessionAssertions.assertSameLoom(SessionFile.read(v1).loom(), SessionReader.readWithoutAlternatives(v1).loom());
    }
}
