package dev.weft.session;

import static dev.weft.session.SessionAssertions.assertSameLoom;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.NodeId;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The version-1 example of weft-session(5), kept as a fixture: this weft must read it, and
 * write it back byte for byte, so a format change cannot slip in unnoticed.
 */
class ExampleSessionTest {
    private final Path example = resource("example-v1.json");

    @Test
    void readsAndWritesBackByteForByte() throws Exception {
        Session session = SessionFile.read(example);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionWriter.write(session, out);

        assertArrayEquals(Files.readAllBytes(example), out.toByteArray());
        assertEquals("Mr President, I must— Mr", session.loom().pathText(new NodeId(4)));
    }

    @Test
    void replayingTheWholeJournalFromNothingRebuildsTheFile() throws Exception {
        Session file = SessionFile.read(example);
        Session replayed = Session.empty(file.created());

        for (JournalEntry entry : SessionJournal.read(resource("example-v1.json.journal")).entries()) {
            replayed = replayed.apply(entry);
        }

        assertSameLoom(file.loom(), replayed.loom());
        assertEquals(file.view(), replayed.view());
        assertEquals(file.backends(), replayed.backends());
        assertEquals(file.journalSeq(), replayed.journalSeq());
    }

    private static Path resource(String name) {
        try {
            return Path.of(ExampleSessionTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
