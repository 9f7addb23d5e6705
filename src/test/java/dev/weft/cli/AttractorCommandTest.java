package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.Origin;
import dev.weft.session.SessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttractorCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "Mr President, I would like to";

    private static JsonNode json(String... args) throws Exception {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exit(), run.err());
        return JSON.readTree(run.out());
    }

    @Test
    void swapsAreMeasuredAndRecordedAsBranches(@TempDir Path dir) throws Exception {
        Path session = dir.resolve("attractor.json");
        JsonNode root = json("attractor", "--json", "--seed", "4", "--max-tokens", "40", "--perturbations", "3",
                "--session", session.toString(), PROMPT);
        assertEquals(4, root.get("params").get("seed").asLong());
        assertEquals(0.0, root.get("params").get("temperature").asDouble(), "regenerated at temperature 0 by default");
        JsonNode run = root.get("runs").get(0);
        JsonNode perturbations = run.get("perturbations");
        assertEquals(3, perturbations.size());
        int converged = 0;
        for (JsonNode p : perturbations) {
            assertEquals("swap", p.get("kind").asText());
            assertTrue(p.get("at").asInt() < run.get("original_ending").get("start_token").asInt());
            converged += p.get("ending_matched").asBoolean() ? 1 : 0;
            assertTrue(p.get("rejoin_after").isNull() || p.get("rejoin_after").asInt() >= 0);
        }
        assertEquals(converged / 3.0, run.get("share_converged").asDouble(), 1e-12);

        try (SessionStore store = SessionStore.openReadOnly(session)) {
            Loom loom = store.loom();
            assertEquals(PROMPT, loom.node(loom.roots().get(0)).text());
            long swaps = loom.nodes().stream().map(Node::origin).filter(o -> o == Origin.SWAP).count();
            assertEquals(3, swaps);
            Node current = loom.node(store.view().current());
            assertEquals(Origin.MODEL, current.origin());
            assertTrue(run.get("original").get("text").asText().startsWith(current.text()),
                    "the cursor is on the original completion (split where the branches are)");
        }
    }

    @Test
    void editsFromAFileAndInsertedPhrases(@TempDir Path dir) throws Exception {
        String original = json("attractor", "--json", "--seed", "1", "--max-tokens", "30", "--perturbations", "1",
                PROMPT).get("runs").get(0).get("original").get("text").asText();
        Path edits = dir.resolve("edits.txt");
        Files.writeString(edits, original.substring(0, 10) + " bugs\\nreally\n\n");
        JsonNode edited = json("attractor", "--json", "--max-tokens", "30", "--perturbations", "@" + edits, PROMPT)
                .get("runs").get(0).get("perturbations");
        assertEquals(1, edited.size());
        assertEquals("edit", edited.get(0).get("kind").asText());
        assertTrue(edited.get(0).get("text").asText().endsWith(" bugs\nreally"), edited.get(0).get("text").asText());

        JsonNode inserted = json("attractor", "--json", "--seed", "2", "--max-tokens", "30", "--insert", " indeed,",
                "--perturbations", "2", PROMPT).get("runs").get(0).get("perturbations");
        assertEquals(2, inserted.size());
        assertEquals(" indeed,", inserted.get(1).get("text").asText());
    }

    @Test
    void plainOutputMarksThePerturbation() {
        CliRun run = CliRun.of("attractor", "--no-color", "--seed", "4", "--max-tokens", "30", "--perturbations", "2",
                PROMPT);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("#1 swap at token"), run.out());
        assertTrue(run.out().contains("⟦"), run.out());
        assertTrue(run.out().contains("converged"), run.out());
    }

    @Test
    void misuseIsExitTwo(@TempDir Path dir) {
        assertEquals(2, CliRun.of("attractor", "-n", "2", PROMPT).exit());
        assertEquals(2, CliRun.of("attractor", "--perturbations", "0", PROMPT).exit());
        assertEquals(2, CliRun.of("attractor", "--perturbations", "@" + dir.resolve("none.txt"), PROMPT).exit());
        assertEquals(2, CliRun.of("attractor", "--top-logprobs", "1", PROMPT).exit());
        assertEquals(2, CliRun.of("attractor", "--ending-tokens", "0", PROMPT).exit());
    }
}
