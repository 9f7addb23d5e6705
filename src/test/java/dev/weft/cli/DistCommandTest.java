package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.model.http.LocalServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "Q: Tell me a random integer between 0 and 100.\nA: Ok, the integer is";

    /** An OpenAI chat stream whose one token reports " 97", " 42", " 7" and a sentinel as its top-k. */
    private static final LocalServer.Reply CHAT_REPLY = LocalServer.Reply.sse("""
            {"id":"c","object":"chat.completion.chunk","created":1,"model":"tuned","choices":[{"index":0,\
            "delta":{"content":" 97"},"logprobs":{"content":[{"token":" 97","logprob":-0.5,"bytes":[32,57,55],\
            "top_logprobs":[{"token":" 97","logprob":-0.5,"bytes":[32,57,55]},\
            {"token":" 42","logprob":-1.5,"bytes":[32,52,50]},{"token":" 7","logprob":-3.0,"bytes":[32,55]},\
            {"token":" 1","logprob":-9999.0,"bytes":[32,49]}]}]},"finish_reason":null}]}""", """
            {"id":"c","object":"chat.completion.chunk","created":1,"model":"tuned","choices":[{"index":0,\
            "delta":{},"logprobs":null,"finish_reason":"length"}]}""", "[DONE]");

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
        try (LocalServer server = LocalServer.start().respondWith(request -> CHAT_REPLY)) {
            Path config = dir.resolve("config.json");
            Files.writeString(config, "{\"profiles\":{\"tuned\":{\"api\":\"openai-chat\",\"base_url\":\""
                    + server.base("/v1") + "\",\"model\":\"tuned\"}}}");
            String previous = System.getProperty(ModelOptions.CONFIG_PROPERTY);
            System.setProperty(ModelOptions.CONFIG_PROPERTY, config.toString());
            try {
                CliRun run = CliRun.of("dist", "--json", "--candidates", "97,42,5,970", "--vs", "tuned", PROMPT);
                assertEquals(0, run.exit(), run.err());
                JsonNode root = JSON.readTree(run.out());
                JsonNode tuned = root.get("runs").get(1);
                assertEquals("openai-chat", tuned.get("backend").asText());
                assertEquals("top-k", tuned.get("method").asText());
                JsonNode candidates = tuned.get("candidates");
                assertEquals("lower-bound", candidates.get(0).get("estimate").asText());
                assertEquals(Math.exp(-0.5), candidates.get(0).get("probability").asDouble(), 1e-12);
                assertEquals(Math.exp(-1.5), candidates.get(1).get("probability").asDouble(), 1e-12);
                assertEquals("below-top-k", candidates.get(2).get("estimate").asText());
                assertEquals(Math.exp(-3.0), candidates.get(2).get("at_most").asDouble(), 1e-12);
                assertEquals("unknown", candidates.get(3).get("estimate").asText(),
                        "' 970' may be ' 97' then '0', or not");
                assertEquals("97", tuned.get("top").asText());
                assertTrue(root.get("spearman").isNumber());
            } finally {
                System.setProperty(ModelOptions.CONFIG_PROPERTY, previous);
            }
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
