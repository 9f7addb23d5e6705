package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance checks, through the command line, on the embedded model. */
class GenerateAndScoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "Mr President,";

    private static JsonNode json(CliRun run) throws Exception {
        assertEquals(0, run.exit(), run.err());
        return JSON.readTree(run.out());
    }

    @Test
    void completionsAgreeWithScoringTheirText() throws Exception {
        JsonNode generated = json(CliRun.of("generate", "-n", "3", "--seed", "7", "--json", PROMPT));
        assertEquals("embedded", generated.get("backend").asText());
        assertEquals(PROMPT, generated.get("prompt").asText());
        assertEquals(3, generated.get("completions").size());
        for (JsonNode completion : generated.get("completions")) {
            JsonNode scored = json(CliRun.of("score", "--json", PROMPT, completion.get("text").asText()));
            JsonNode tokens = completion.get("tokens");
            assertEquals(tokens.size(), scored.get("tokens").size(), completion.get("text").asText());
            double sum = 0;
            for (int i = 0; i < tokens.size(); i++) {
                JsonNode g = tokens.get(i);
                JsonNode s = scored.get("tokens").get(i);
                assertEquals(g.get("text").asText(), s.get("text").asText());
                assertEquals(g.get("logprob").asDouble(), s.get("logprob").asDouble(), 1e-6);
                sum += g.get("logprob").asDouble();
            }
            assertEquals(sum, scored.get("logprob").asDouble(), 1e-6);
        }
    }

    @Test
    void theSameSeedGivesTheSameOutput() {
        CliRun a = CliRun.of("generate", "-n", "2", "--seed", "11", "--json", PROMPT);
        CliRun b = CliRun.of("generate", "-n", "2", "--seed", "11", "--json", PROMPT);
        assertEquals(a.out(), b.out());
        CliRun c = CliRun.of("generate", "-n", "2", "--seed", "12", "--json", PROMPT);
        assertFalse(a.out().equals(c.out()));
    }

    @Test
    void temperatureZeroIsGreedy() throws Exception {
        JsonNode generated = json(CliRun.of("generate", "--temperature", "0", "--max-tokens", "30", "--json", PROMPT));
        JsonNode tokens = generated.get("completions").get(0).get("tokens");
        assertTrue(tokens.size() > 0);
        for (JsonNode t : tokens) {
            JsonNode top = t.get("top");
            assertEquals(t.get("text").asText(), top.get(0).get("text").asText());
            for (int i = 1; i < top.size(); i++) {
                assertTrue(top.get(i - 1).get("logprob").asDouble() >= top.get(i).get("logprob").asDouble());
            }
        }
    }

    @Test
    void jsonCarriesParamsAndFinishReasons() throws Exception {
        JsonNode generated = json(CliRun.of("generate", "--json", "--max-tokens", "5", "--top-logprobs", "3",
                "--seed", "1", "--stop", "\n", PROMPT));
        JsonNode params = generated.get("params");
        assertEquals(5, params.get("max_tokens").asInt());
        assertEquals(3, params.get("top_logprobs").asInt());
        assertEquals(1, params.get("seed").asLong());
        assertEquals("\n", params.get("stop").get(0).asText());
        JsonNode completion = generated.get("completions").get(0);
        assertTrue(completion.get("finish_reason").asText().matches("length|stop"));
        assertTrue(completion.get("tokens").size() <= 5);
        assertEquals(3, completion.get("tokens").get(0).get("top").size());
    }

    @Test
    void plainOutputIsColouredOnlyWhenAsked() {
        CliRun plain = CliRun.of("generate", "--no-color", "--seed", "3", "--max-tokens", "8", PROMPT);
        assertEquals(0, plain.exit(), plain.err());
        assertTrue(plain.out().startsWith(PROMPT), plain.out());
        assertFalse(plain.out().contains("\u001b["), plain.out());
    }

    @Test
    void sessionRecordsPromptAndCompletionsAndTreeShowsThem(@TempDir Path dir) throws Exception {
        Path session = dir.resolve("tour.json");
        assertEquals(0, CliRun.of("generate", "-n", "2", "--seed", "5", "--max-tokens", "6", "--session",
                session.toString(), "--json", PROMPT).exit());
        assertEquals(0, CliRun.of("generate", "--seed", "6", "--max-tokens", "6", "--session", session.toString(),
                "--json", PROMPT).exit());
        assertTrue(Files.exists(session));

        CliRun tree = CliRun.of("tree", session.toString());
        assertEquals(0, tree.exit(), tree.err());
        String[] lines = tree.out().split("\n");
        assertEquals(4, lines.length, tree.out());   // one prompt, three completions under it
        assertTrue(lines[0].contains("prompt") && lines[0].contains("\"Mr President,\""), lines[0]);
        assertTrue(lines[1].startsWith("├─ ") && lines[1].contains("model"), lines[1]);
        assertTrue(lines[3].startsWith("└─ "), lines[3]);
    }

    @Test
    void scoreTableShowsEveryToken() {
        CliRun run = CliRun.of("score", "--no-color", PROMPT, " I would like to thank");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("' would'"), run.out());
        assertTrue(run.out().contains("total logprob"), run.out());
    }
}
