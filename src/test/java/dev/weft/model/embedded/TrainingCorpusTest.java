package dev.weft.model.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.model.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCorpusTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void eachLineIsADocumentWhenThereAreNoBlankLines() throws Exception {
        TrainingCorpus corpus = TrainingCorpus.file(write("lines.txt", "first doc\r\n  second doc  \nthird"));
        assertEquals(List.of("first doc", "second doc", "third"), corpus.documents());
        assertEquals("lines.txt", corpus.name());
    }

    @Test
    void blankLinesSeparateParagraphs() throws Exception {
        Path file = write("paras.txt", "\uFEFFOne paragraph\nthat wraps.\n\n  \nAnother\n \t\nLast one\n");
        List<String> expected = List.of("One paragraph\nthat wraps.", "Another", "Last one");
        assertEquals(expected, TrainingCorpus.file(file).documents());
    }

    @Test
    void theBundledCorpusIsEnglishEuroparl() throws Exception {
        TrainingCorpus europarl = TrainingCorpus.europarl();
        assertEquals("europarl-en", europarl.name());
        assertTrue(europarl.documents().size() > 1000);
    }

    @Test
    void errorsNameTheFileInOneLine() throws Exception {
        Path missing = dir.resolve("nope.txt");
        assertMessage("corpus file " + missing + " does not exist", () -> TrainingCorpus.file(missing));
        assertMessage("corpus " + dir + " is a directory, not a text file", () -> TrainingCorpus.file(dir));
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
        assertMessage("corpus " + latin1 + " is not UTF-8 text (bad byte at offset 3)",
                () -> TrainingCorpus.file(latin1));
        Path blank = write("blank.txt", " \n\n\t\n");
        assertMessage("corpus " + blank + " has no text", () -> TrainingCorpus.file(blank));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable open) {
        ModelException e = assertThrows(ModelException.class, open);
        assertEquals(expected, e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
