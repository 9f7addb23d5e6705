package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final String BRANCHING = "sessions/branching.json";

    @TempDir Path dir;

    @Test
    void aReplayAgainstAnotherSeedPairsEveryNode() throws Exception {
        Path other = dir.resolve("other.json");
        assertEquals(0, CliRun.of("replay", BRANCHING, "--against", "embedded", "--seed", "3", "--out",
                other.toString()).exit());

        CliRun text = CliRun.of("compare", BRANCHING, other.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("left:  sessions/branching.json · embedded (embedded: kn4-europarl-en)\n"),
                text.out());
        assertFalse(text.out().contains("(no counterpart)"), text.out());
        assertTrue(text.out().contains("  share p>0.99"), text.out());

        JsonNode json = new ObjectMapper().readTree(CliRun.of("compare", "--json", BRANCHING, other.toString()).out());
        assertEquals(11, json.get("pairs").size());
        for (JsonNode pair : json.get("pairs")) {
            assertEquals(pair.get("left").get("origin"), pair.get("right").get("origin"));
        }
        JsonNode prompts = json.get("pairs").get(0);
        assertEquals(prompts.get("left").get("text"), prompts.get("right").get("text"));
    }

    @Test
    void treesOfAnotherShapeShowWhatHasNoCounterpart() {
        CliRun run = CliRun.of("compare", "sessions/attractor.json", "sessions/distribution.json");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("(no counterpart)"), run.out());
    }
}
