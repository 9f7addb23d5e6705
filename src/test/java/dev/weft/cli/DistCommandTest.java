package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "Q: Tell me a random integer between 0 and 100.\nA: Ok, the integer is";

    @Test
    void integersOnTheEmbeddedModelAreExact() throws Exception {
        CliRun run = CliRun.of("dist", "--json", "--candidates", "0..100", PROMPT);
        assertEquals(0, run.exit(), run.err());
        JsonNode root = JSON.readTree(run.out());
        assertEquals(" ", root.get("prefix").asText());
        JsonNode only = root.get("runs").get(0);
        assertEquals("exact", only.get("method").asText());
        assertEquals(101, only.get("candidates").size());
        JsonNode c42 = only.get("candidates").get(42);
        assertEquals("42", c42.get("candidate").asText());
        assertEquals(" 42", c42.get("continuation").asText());
        assertEquals("exact", c42.get("estimate").asText());
        double sum = 0;
        String top = null;
        double best = -1;
        for (JsonNode c : only.get("candidates")) {
            sum += c.get("probability").asDouble();
            if (c.get("probability").asDouble() > best) {
                best = c.get("probability").asDouble();
                top = c.get("candidate").asText();
            }
        }
        assertEquals(sum, only.get("total_mass").asDouble(), 1e-12);
        assertEquals(top, only.get("top").asText());
        assertEquals(Math.log(101) / Math.log(2), only.get("max_entropy_bits").asDouble(), 1e-12);
        assertTrue(only.get("entropy_ratio").asDouble() > 0 && only.get("entropy_ratio").asDouble() < 1);
        assertTrue(root.get("spearman") == null, "one model: no correlation");
    }

    @Test
    void plainOutputHasABarPerCandidateAndTheFigures() {
        CliRun run = CliRun.of("dist", "--no-color", "--sort", "--candidates", "yes,no,maybe",
                "Do you agree? I would say");
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().split("\n");
        assertTrue(lines[2].startsWith("  yes  █"), run.out());
        assertTrue(run.out().contains("top yes"), run.out());
        assertTrue(run.out().contains("entropy"), run.out());
    }

    @Test
    void aChatBackendWithoutScoringIsReadFromItsTopKBesideTheEmbeddedModel(@TempDir Path dir) throws Exception {
        try (ChatProfile tuned = ChatProfile.start(dir)) {
            CliRun run = CliRun.of("dist", "--json", "--candidates", "97,42,5,970", "--vs", ChatProfile.NAME, PROMPT);
            assertEquals(0, run.exit(), run.err());
            JsonNode root = JSON.readTree(run.out());
            JsonNode second = root.get("runs").get(1);
            assertEquals("openai-chat", second.get("backend").asText());
            assertEquals("top-k", second.get("method").asText());
            JsonNode candidates = second.get("candidates");
            assertEquals("lower-bound", candidates.get(0).get("estimate").asText());
            assertEquals(Math.exp(-0.5), candidates.get(0).get("probability").asDouble(), 1e-12);
            assertEquals(Math.exp(-1.5), candidates.get(1).get("probability").asDouble(), 1e-12);
            assertEquals("below-top-k", candidates.get(2).get("estimate").asText());
            assertEquals(Math.exp(-3.0), candidates.get(2).get("at_most").asDouble(), 1e-12);
            assertEquals("unknown", candidates.get(3).get("estimate").asText(),
                    "' 970' may be ' 97' then '0', or not");
            assertEquals("97", second.get("top").asText());
            assertTrue(root.get("spearman").isNumber());
        }
    }

    @Test
    void candidatesFromAFileAreNotMistakenForAnArgumentFile(@TempDir Path dir) throws Exception {
        Path words = dir.resolve("words.txt");
        Files.writeString(words, "yes\nno\n");
        CliRun run = CliRun.of("dist", "--json", "--candidates", "@" + words, "Do you agree? I would say");
        assertEquals(0, run.exit(), run.err());
        JsonNode candidates = JSON.readTree(run.out()).get("runs").get(0).get("candidates");
        assertEquals("yes", candidates.get(0).get("candidate").asText());
        assertEquals("no", candidates.get(1).get("candidate").asText());
    }

    @Test
    void candidatesAreRequiredAndChecked() {
        assertEquals(2, CliRun.of("dist", PROMPT).exit());
        assertEquals(2, CliRun.of("dist", "--candidates", "9..1", PROMPT).exit());
    }
}
