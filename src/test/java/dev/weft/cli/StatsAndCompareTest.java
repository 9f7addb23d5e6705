package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsAndCompareTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "Mr President,";

    @Test
    void statsHasEveryNodeAndEverySetOfSiblings(@TempDir Path dir) throws Exception {
        Path session = dir.resolve("s.json");
        assertEquals(0, CliRun.of("generate", "-n", "3", "--seed", "2", "--max-tokens", "12", "--session",
                session.toString(), PROMPT).exit());
        CliRun run = CliRun.of("stats", "--json", session.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode root = JSON.readTree(run.out());
        assertEquals(4, root.get("nodes").size(), "the prompt and three completions");
        assertEquals("prompt", root.get("nodes").get(0).get("origin").asText());
        assertTrue(root.get("nodes").get(0).get("parent").isNull());
        JsonNode completion = root.get("nodes").get(1);
        assertEquals(0, completion.get("parent").asInt());
        assertTrue(completion.get("figures").get("mean_logprob").asDouble() < 0);
        JsonNode set = root.get("sibling_sets").get(0);
        assertEquals(3, set.get("children").size());
        assertEquals(3, set.get("diversity").get("samples").asInt());
        int generated = 0;
        for (JsonNode node : root.get("nodes")) {
            generated += node.get("origin").asText().equals("model") ? node.get("tokens").asInt() : 0;
        }
        assertEquals(generated, root.get("whole").get("scored_tokens").asInt(), "every sampled token, not the prompt");

        CliRun plain = CliRun.of("stats", session.toString());
        assertTrue(plain.out().contains("siblings under #0 (3): distinct-1"), plain.out());
        assertEquals(1, CliRun.of("stats", dir.resolve("missing.json").toString()).exit());
    }

    @Test
    void compareRunsBothBackendsWithTheSameOptions() throws Exception {
        CliRun run = CliRun.of("compare", "--json", "--seed", "3", "--max-tokens", "10", "--vs", "embedded",
                "--vs-order", "2", PROMPT);
        assertEquals(0, run.exit(), run.err());
        JsonNode runs = JSON.readTree(run.out()).get("runs");
        assertEquals("kn4-europarl-en", runs.get(0).get("model").asText());
        assertEquals("kn2-europarl-en", runs.get(1).get("model").asText());
        for (JsonNode r : runs) {
            assertEquals(CompareCommand.DEFAULT_SAMPLES, r.get("completions").size());
            assertEquals(CompareCommand.DEFAULT_SAMPLES, r.get("diversity").get("samples").asInt());
            assertTrue(r.get("figures").has("share_above_0_99"));
        }
        CliRun plain = CliRun.of("compare", "--no-color", "--seed", "3", "--max-tokens", "10", "--vs", "embedded",
                PROMPT);
        assertTrue(plain.out().contains("same first sentence"), plain.out());
    }

    @Test
    void compareNeedsASecondBackend() {
        assertEquals(2, CliRun.of("compare", PROMPT).exit());
        assertEquals(2, CliRun.of("compare", "--vs", "someprofile", "--vs-order", "2", PROMPT).exit());
    }
}
