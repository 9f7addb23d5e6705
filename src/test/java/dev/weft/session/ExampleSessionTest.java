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
 * The examples of weft-session(5), one per format version, kept as fixtures: this weft must
 * read every version, and write the current one back byte for byte, so a format change cannot
 * slip in unnoticed. (On a mismatch the bytes written are left in target/ to review.)
 */
class ExampleSessionTest {
    private final Path v1 = resource("example-v1.json");
    private final Path v2 = resource("example-v2.json");

    @Test
    void writesTheCurrentVersionByteForByte() throws Exception {
        Session session = SessionFile.read(v2);
        assertArrayEquals(Files.readAllBytes(v2), written(session));
        assertEquals("Mr President, I must— Mr", session.loom().pathText(new NodeId(4)));
    }

    @Test
    void aVersion1FileReadsAsTheSameSessionAndIsWrittenAsVersion2() throws Exception {
        Session old = SessionFile.read(v1);
        Session current = SessionFile.read(v2);
        assertSameLoom(current.loom(), old.loom());
        assertEquals(current.view(), old.view());
        assertEquals(current.backends(), old.backends());
        assertEquals(current.journalSeq(), old.journalSeq());
        assertArrayEquals(Files.readAllBytes(v2), written(old));
    }

    @Test
    void replayingTheWholeJournalFromNothingRebuildsTheFile() throws Exception {
        Session file = SessionFile.read(v1);
        Session replayed = Session.empty(file.created());

        for (JournalEntry entry : SessionJournal.read(resource("example-v1.json.journal")).entries()) {
            replayed = replayed.apply(entry);
        }

        assertSameLoom(file.loom(), replayed.loom());
        assertEquals(file.view(), replayed.view());
        assertEquals(file.backends(), replayed.backends());
        assertEquals(file.journalSeq(), replayed.journalSeq());
    }

    private static byte[] written(Session session) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionWriter.write(session, out);
        Path review = Path.of("target", "example-v" + SessionFormat.VERSION + ".written.json");
        Files.createDirectories(review.getParent());
        Files.write(review, out.toByteArray());
        return out.toByteArray();
    }

    private static Path resource(String name) {
        try {
            return Path.of(ExampleSessionTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
