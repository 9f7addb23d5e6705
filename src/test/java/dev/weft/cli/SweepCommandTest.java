package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SweepCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "Mr President,";

    @Test
    void jsonHasFiguresAndSamplesPerTemperature() throws Exception {
        String[] args = {"sweep", "--json", "--temperatures", "0,1.9", "--max-tokens", "15", "--seed", "5", PROMPT};
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exit(), run.err());
        JsonNode root = JSON.readTree(run.out());
        assertEquals(SweepCommand.DEFAULT_SAMPLES, root.get("params").get("n").asInt());
        JsonNode rows = root.get("runs").get(0).get("temperatures");
        assertEquals(2, rows.size());
        JsonNode cold = rows.get(0);
        assertEquals(0.0, cold.get("temperature").asDouble());
        assertEquals(SweepCommand.DEFAULT_SAMPLES, cold.get("samples").size());
        assertEquals(1.0, cold.get("diversity").get("modal_first_sentence_share").asDouble());
        assertEquals(0.0, cold.get("diversity").get("mean_edit_distance").asDouble());
        JsonNode hot = rows.get(1);
        assertTrue(hot.get("diversity").get("distinct_1").asDouble()
                > cold.get("diversity").get("distinct_1").asDouble());
        assertTrue(hot.get("mean_token_probability").asDouble() < cold.get("mean_token_probability").asDouble());
        assertEquals(run.out(), CliRun.of(args).out(), "seeded: the same sweep twice");
    }

    @Test
    void plainOutputShowsSamplesAndATable() {
        CliRun run = CliRun.of("sweep", "--no-color", "-n", "2", "--temperatures", "0,1", "--max-tokens", "8",
                "--seed", "1", PROMPT);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("── T 0.0 · distinct-1"), run.out());
        assertTrue(run.out().contains("\n  1  I would like to"), run.out());
        assertTrue(run.out().contains("distinct-1 distinct-2 edit-dist"), run.out());
    }

    @Test
    void aSingleTemperatureOptionIsAMistake() {
        CliRun run = CliRun.of("sweep", "--temperature", "1", PROMPT);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--temperatures"), run.err());
        assertEquals(2, CliRun.of("sweep", "--temperatures", "0,-1", PROMPT).exit());
    }
}
