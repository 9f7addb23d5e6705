package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.replay.Recording;
import dev.weft.replay.TreeShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weft replay on the example sessions, headless and against the embedded model. */
class ReplayCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BRANCHING = "sessions/branching.json";

    @TempDir Path dir;

    @Test
    void headlessPrintsEveryStepAndConfirmsTheTree() {
        CliRun run = CliRun.of("replay", "--headless", BRANCHING);
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("replaying sessions/branching.json: 67 steps", lines.get(0));
        assertEquals("    2  +0:02.5  prompt     prompt #0 \"Mr President, I would like to\"", lines.get(2));
        assertEquals("rebuilt 11 nodes; the tree, view and backends match the session file",
                lines.get(lines.size() - 1));
    }

    @Test
    void headlessJsonIsOneObject() throws Exception {
        CliRun run = CliRun.of("replay", "--headless", "--json", "sessions/distribution.json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = JSON.readTree(run.out());
        assertTrue(json.get("rebuilds_session").asBoolean());
        assertEquals(102, json.get("nodes").asInt());
        JsonNode candidate = json.get("steps").get(6);
        assertEquals("edit", candidate.get("kind").asText());
        assertEquals(0, candidate.get("node").asInt());
        assertEquals(List.of(2), List.of(candidate.get("created").get(0).asInt()));
    }

    @Test
    void againstTheSameModelAndSeedsEveryCompletionComesBack() throws Exception {
        Path out = dir.resolve("again.json");
        CliRun run = CliRun.of("replay", BRANCHING, "--against", "embedded", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("8 steps: 8 same, 0 changed, 0 moved, 0 skipped; 3 requests re-issued,"
                + " 7 completions, 7 with the recorded text"), run.out());
        Loom recorded = Recording.open(Path.of(BRANCHING)).end().loom();
        Loom replayed = Recording.open(out).end().loom();
        assertEquals(TreeShape.of(recorded), TreeShape.of(replayed));
        for (Node node : recorded.nodes()) {
            assertEquals(recorded.pathText(node.id()), replayed.pathText(node.id()), "the text at " + node.id());
        }
    }

    @Test
    void againstAnotherSeedTheTreeHasTheSameShape() throws Exception {
        Path out = dir.resolve("other.json");
        CliRun run = CliRun.of("replay", BRANCHING, "--against", "embedded", "--seed", "99", "--out", out.toString(),
                "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode report = JSON.readTree(run.out());
        assertEquals(0, report.get("skipped").asInt());
        assertTrue(report.get("changed").asInt() > 0);

        Recording recorded = Recording.open(Path.of(BRANCHING));
        Recording replayed = Recording.open(out);
        assertEquals(TreeShape.of(recorded.end().loom()), TreeShape.of(replayed.end().loom()));
        assertNotEquals(recorded.end().loom().pathText(recorded.end().view().current()),
                replayed.end().loom().pathText(replayed.end().view().current()));
        assertEquals(0, CliRun.of("replay", "--headless", out.toString()).exit(), "the new session replays too");
    }

    @Test
    void badUsageIsRefused() throws Exception {
        assertEquals(2, CliRun.of("replay", BRANCHING, "--out", dir.resolve("x.json").toString()).exit());
        assertEquals(2, CliRun.of("replay", BRANCHING, "--against", "embedded").exit());
        Path exists = Files.writeString(dir.resolve("exists.json"), "{}");
        CliRun taken = CliRun.of("replay", BRANCHING, "--against", "embedded", "--out", exists.toString());
        assertEquals(2, taken.exit());
        assertEquals("weft: " + exists + " exists; choose another name for the new session", taken.err().strip());
        CliRun missing = CliRun.of("replay", "--headless", dir.resolve("none.json").toString());
        assertEquals(1, missing.exit());
        assertEquals("weft: " + dir.resolve("none.json") + ": no such session file", missing.err().strip());
    }
}
