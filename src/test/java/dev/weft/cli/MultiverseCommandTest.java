package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiverseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "The debate is closed. The vote will take place";

    @Test
    void jsonHasTheTreeWithPathProbabilities() throws Exception {
        CliRun run = CliRun.of("multiverse", "--json", "--depth", "3", "--top", "3", "--min-prob", "0.01", PROMPT);
        assertEquals(0, run.exit(), run.err());
        JsonNode root = JSON.readTree(run.out());
        assertEquals(3, root.get("depth").asInt());
        assertEquals(0.01, root.get("min_prob").asDouble());
        JsonNode only = root.get("runs").get(0);
        assertEquals("embedded", only.get("backend").asText());
        JsonNode first = only.get("tree").get(0);
        assertEquals(" tomorrow", first.get("text").asText());
        assertEquals(first.get("probability").asDouble(), first.get("path_probability").asDouble(), 1e-12);
        JsonNode grandchild = first.get("children").get(0);
        assertEquals(first.get("path_probability").asDouble() * grandchild.get("probability").asDouble(),
                grandchild.get("path_probability").asDouble(), 1e-12);
        double unexplored = only.get("unexplored_mass").asDouble();
        assertTrue(unexplored > 0 && unexplored < 1, "unexplored " + unexplored);
        assertTrue(only.get("nodes").asInt() > 3);
    }

    @Test
    void zoomRenormalisesAndVsAddsASecondRun() throws Exception {
        CliRun run = CliRun.of("multiverse", "--json", "--depth", "2", "--zoom", "1", "--vs", "embedded", PROMPT);
        assertEquals(0, run.exit(), run.err());
        JsonNode runs = JSON.readTree(run.out()).get("runs");
        assertEquals(2, runs.size());
        for (JsonNode zoomed : runs) {
            assertEquals(" tomorrow", zoomed.get("branch").get(0).asText());
            JsonNode child = zoomed.get("tree").get(0);
            assertEquals(child.get("probability").asDouble(), child.get("path_probability").asDouble(), 1e-12,
                    "heights relative to the branch");
        }
    }

    @Test
    void plainOutputDrawsBlocksAndListsPaths() {
        CliRun run = CliRun.of("multiverse", "--no-color", "--depth", "2", "--height", "10", "--width", "60", PROMPT);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("█  tomorrow 52%"), run.out());
        assertTrue(run.out().contains("most probable paths:"), run.out());
        assertTrue(run.out().contains("unexplored"), run.out());
        assertTrue(!run.out().contains("\u001b["), "no escapes without colour");
    }

    @Test
    void aChatServerIsAskedForOneGreedyTokenPerBlock(@TempDir Path dir) throws Exception {
        try (ChatProfile tuned = ChatProfile.start(dir)) {
            CliRun run = CliRun.of("multiverse", "--json", "--profile", ChatProfile.NAME, "--depth", "2", "--top", "3",
                    "--min-prob", "0", PROMPT);
            assertEquals(0, run.exit(), run.err());
            JsonNode only = JSON.readTree(run.out()).get("runs").get(0);
            JsonNode first = only.get("tree").get(0);
            assertEquals(" 97", first.get("text").asText());
            assertEquals(3, only.get("tree").size(), "the sentinel alternative is not a block");
            assertEquals(Math.exp(-1.0), first.get("children").get(0).get("path_probability").asDouble(), 1e-12);
            assertEquals(4, only.get("model_calls").asInt(), "the root and its three children");
            assertEquals(4, tuned.server().requests().size());
            JsonNode request = JSON.readTree(tuned.server().lastRequest().body());
            assertEquals(0.0, request.get("temperature").asDouble());
            assertEquals(3, request.get("top_logprobs").asInt());
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, CliRun.of("multiverse", "--depth", "0", PROMPT).exit());
        assertEquals(2, CliRun.of("multiverse", "--min-prob", "1.5", PROMPT).exit());
        assertEquals(2, CliRun.of("multiverse", "--zoom", "1.x", PROMPT).exit());
        assertEquals(2, CliRun.of("multiverse", "--paths", "-1", PROMPT).exit());
        CliRun missing = CliRun.of("multiverse", "--depth", "1", "--top", "2", "--zoom", "3", PROMPT);
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("weft: --zoom: no branch 3 under the top (it has 2)"), missing.err());
        assertEquals(1, CliRun.of("multiverse", "--vs", "nosuchprofile", PROMPT).exit());
    }
}
