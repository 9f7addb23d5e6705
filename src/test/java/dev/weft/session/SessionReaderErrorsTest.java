package dev.weft.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that does not read gives one line naming file, line, column and reason. */
class SessionReaderErrorsTest {
    private static final String VALID = String.join("\n",
            "{",
            "  \"format\": \"weft-session\",",
            "  \"version\": 1,",
            "  \"created\": \"2024-05-01T12:00:00Z\",",
            "  \"saved\": \"2024-05-01T12:00:00Z\",",
            "  \"journal_seq\": 0,",
            "  \"backends\": {},",
            "  \"view\": {\"current\": 0, \"cursor\": 0, \"settings\": {}},",
            "  \"next_id\": 1,",
            "  \"roots\": [0],",
            "  \"nodes\": [",
            "    {",
            "      \"id\": 0,",
            "      \"parent\": null,",
            "      \"origin\": \"prompt\",",
            "      \"text\": \"Hi\",",
            "      \"children\": [],",
            "      \"bookmarked\": false,",
            "      \"deleted\": false,",
            "      \"generation\": null,",
            "      \"tokens\": [",
            "        [\"Hi\", null]",
            "      ]",
            "    }",
            "  ]",
            "}",
            "");

    @TempDir
    Path dir;

    @Test
    void theValidFileReads() throws Exception {
        Session session = SessionReader.read(write(VALID));
        assertEquals("Hi", session.loom().pathText(session.loom().roots().get(0)));
    }

    @Test
    void aValueOfTheWrongShapeIsNamedWithItsPlace() throws Exception {
        Path file = write(VALID.replace("\"tokens\": [\n        [\"Hi\", null]\n      ]", "\"tokens\": 5"));
        assertEquals(file + ":21:17: expected \"tokens\" to be an array", failure(file));
    }

    @Test
    void malformedJsonIsReportedAtItsPlaceOnOneLine() throws Exception {
        Path file = write(VALID.replace("\"origin\": \"prompt\",", "\"origin\": \"prompt\""));
        String message = failure(file);
        assertTrue(message.startsWith(file + ":16:7: Unexpected character"), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void aTruncatedFileSaysSo() throws Exception {
        Path file = write(VALID.substring(0, VALID.indexOf("\"children\"")));
        String message = failure(file);
        assertTrue(message.startsWith(file + ":17:7: Unexpected end-of-input"), message);
    }

    @Test
    void aNewerVersionIsRefusedByNumber() throws Exception {
        Path file = write(VALID.replace("\"version\": 1", "\"version\": 3"));
        assertEquals(file + ":3:14: written by a newer weft (format version 3); this weft reads up to version 2",
                failure(file));
    }

    @Test
    void otherJsonIsNotASession() throws Exception {
        assertEquals(dir.resolve("a.json")
                        + ":1:2: expected \"format\" here: a weft session starts with its format and version",
                failure(write("a.json", "{\"name\": \"package.json\"}")));
        assertEquals(dir.resolve("b.json") + ":1:12: not a weft session (format is not \"weft-session\")",
                failure(write("b.json", "{\"format\": \"other\", \"version\": 1}")));
        assertEquals(dir.resolve("c.json") + ": empty file, not a weft session", failure(write("c.json", "")));
    }

    @Test
    void unknownAndMissingFieldsAreErrors() throws Exception {
        Path unknown = write(VALID.replace("\"deleted\": false,", "\"deleted\": false, \"colour\": \"red\","));
        assertEquals(unknown + ":19:25: unknown field \"colour\" in a node", failure(unknown));

        Path missing = write(VALID.replace("      \"bookmarked\": false,\n", ""));
        assertEquals(missing + ":12:5: node #0 is missing \"bookmarked\"", failure(missing));
    }

    @Test
    void duplicateFieldsAreErrors() throws Exception {
        Path file = write(VALID.replace("\"id\": 0,", "\"id\": 0, \"id\": 1,"));
        assertTrue(failure(file).startsWith(file + ":13:"), failure(file));
        assertTrue(failure(file).contains("Duplicate"), failure(file));
    }

    @Test
    void badTokensAreNamed() throws Exception {
        Path logprob = write(VALID.replace("[\"Hi\", null]", "[\"Hi\", \"likely\"]"));
        assertEquals(logprob
                        + ":22:16: expected the token's logprob to be a number, null, \"-Infinity\" or \"Infinity\"",
                failure(logprob));

        Path bytes = write(VALID.replace("[\"Hi\", null]", "[\"Hi\", null, [], [72, 300]]"));
        assertEquals(bytes + ":22:31: expected a byte of the token's bytes to be an integer from 0 to 255",
                failure(bytes));

        Path shortToken = write(VALID.replace("[\"Hi\", null]", "[\"Hi\"]"));
        assertEquals(shortToken + ":22:14: a token needs at least its text and its logprob", failure(shortToken));
    }

    @Test
    void invalidParamsAreNamed() throws Exception {
        String generation = "{\"backend\": \"embedded\", \"model\": \"m\","
                + " \"params\": {\"temperature\": -1.0, \"top_p\": 1.0,"
                + " \"top_k\": 0, \"min_p\": 0.0, \"max_tokens\": 4, \"n\": 1, \"top_logprobs\": 5, \"seed\": null,"
                + " \"stop\": []}, \"at\": \"2024-05-01T12:00:00Z\", \"finish\": \"stop\"}";
        Path file = write(VALID.replace("\"generation\": null", "\"generation\": " + generation));
        assertEquals(file + ":20:69: invalid params: temperature must be >= 0, got -1.0", failure(file));

        Path finish = write(VALID.replace("\"generation\": null", "\"generation\": "
                + generation.replace("-1.0", "1.0").replace("\"stop\"}", "\"done\"}")));
        assertEquals(finish + ":20:241: expected \"finish\" to be one of length, stop, cut, running", failure(finish));
    }

    @Test
    void anInconsistentTreeNamesTheFile() throws Exception {
        Path file = write(VALID.replace("\"parent\": null", "\"parent\": 7"));
        assertEquals(file + ": inconsistent tree: root #0 is missing or has a parent", failure(file));
    }

    @Test
    void trailingContentIsAnError() throws Exception {
        Path file = write(VALID + "{}\n");
        assertEquals(file + ":27:1: unexpected content after the session object", failure(file));
    }

    private String failure(Path file) {
        return assertThrows(SessionException.class, () -> SessionReader.read(file)).getMessage();
    }

    private Path write(String text) throws IOException {
        return write("session.json", text);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
