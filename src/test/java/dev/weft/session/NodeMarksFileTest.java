package dev.weft.session;

import static dev.weft.session.SessionAssertions.assertSameLoom;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.NodeMarks;
import dev.weft.loom.TokenRun;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tags, notes and unread markers in version 2 (optional node fields, weft-session(5)) and in the
 * journal's {@code mark} entries: read, written back byte for byte, rebuilt by replay, kept
 * through a crash; a file without them (every older version-2 file) reads as before.
 */
class NodeMarksFileTest {
    @TempDir
    Path dir;

    private final Path marked = resource("example-v2-marks.json");

    @Test
    void theMarksReadAndAreWrittenBackByteForByte() throws Exception {
        Session session = SessionFile.read(marked);
        assertEquals(new NodeMarks(List.of("keep", "odd"), "repeats the prompt's cadence", false),
                session.loom().node(new NodeId(2)).marks());
        assertEquals(NodeMarks.NONE.withUnread(true), session.loom().node(new NodeId(4)).marks());
        assertEquals(NodeMarks.NONE, session.loom().node(new NodeId(1)).marks(), "absent fields: no marks");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionWriter.write(session, out);
        assertArrayEquals(Files.readAllBytes(marked), out.toByteArray());
    }

    @Test
    void theJournalsMarkEntriesRebuildTheFile() throws Exception {
        Session file = SessionFile.read(marked);
        Session replayed = Session.empty(file.created());
        for (JournalEntry entry : SessionJournal.read(resource("example-v2-marks.json.journal")).entries()) {
            replayed = replayed.apply(entry);
        }
        assertSameLoom(file.loom(), replayed.loom());
    }

    @Test
    void marksSurviveACrashBeforeSaving() throws Exception {
        Path file = dir.resolve("s.json");
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            NodeId root = store.record(new LoomAction.AddRoot(TokenRun.unscored("Mr President,"))).node();
            store.record(new LoomAction.Mark(root, new NodeMarks(List.of("keep"), "a note", true)));
        } // killed: never saved
        try (SessionStore reopened = SessionStore.open(file)) {
            assertEquals(new NodeMarks(List.of("keep"), "a note", true), reopened.loom().node(new NodeId(0)).marks());
        }
    }

    @Test
    void aTagThatIsNotOneWordIsAnErrorNamingWhere() throws Exception {
        String text = Files.readString(marked, StandardCharsets.UTF_8).replace("\"tags\":[\"keep\",\"odd\"]",
                "\"tags\":[\"keep it\",\"odd\"]");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text, StandardCharsets.UTF_8);
        SessionException e = assertThrows(SessionException.class, () -> SessionFile.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ":35:"), e.getMessage()); // node 2: after the view's path (4, 3, 1, 0)
        assertTrue(e.getMessage().contains("a tag is one word"), e.getMessage());
    }

    @Test
    void aMarkOnAVersion1FileIsNotRead() throws Exception {
        String v1 = Files.readString(resource("example-v1.json"), StandardCharsets.UTF_8);
        assertFalse(v1.contains("\"tags\""), "version 1 files never had marks");
        assertEquals(NodeMarks.NONE, SessionFile.read(resource("example-v1.json")).loom().node(new NodeId(2)).marks());
    }

    private static Path resource(String name) {
        try {
            return Path.of(NodeMarksFileTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
