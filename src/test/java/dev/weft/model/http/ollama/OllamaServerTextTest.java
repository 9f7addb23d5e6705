package dev.weft.model.http.ollama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.config.ApiKind;
import dev.weft.config.ServerDialect;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import dev.weft.model.http.Backends;
import dev.weft.model.http.Harness;
import dev.weft.model.http.LocalServer;
import dev.weft.model.http.LocalServer.Reply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ollama 0.12.11 and later with a character split across tokens: the runner sends the pending
 * tokens of the character together, with the right text in {@code response}, but each token's
 * {@code token} is coerced to valid UTF-8 ("\uFFFD") and {@code bytes} computed from that
 * (ollama/ollama server/logprob.go {@code toAPILogprobs}/{@code stringToByteInts}; api/types.go
 * {@code Logprob}, {@code TokenLogprob}; ollama/ollama#13497). A whole response concatenates the
 * chunks' {@code response} and {@code logprobs} (server/routes.go {@code GenerateHandler}).
 */
class OllamaServerTextTest {
    private static final String HEART_TOKENS = "{\"token\":\"\uFFFD\",\"logprob\":-1.5,\"bytes\":[239,191,189],"
            + "\"top_logprobs\":[{\"token\":\"\uFFFD\",\"logprob\":-1.5,\"bytes\":[239,191,189]}]},"
            + "{\"token\":\"\uFFFD\",\"logprob\":-0.25,\"bytes\":[239,191,189]},"
            + "{\"token\":\"\uFFFD\",\"logprob\":-0.125,\"bytes\":[239,191,189]}";

    private final LocalServer server = LocalServer.start();
    private final Harness h = new Harness();

    @AfterEach
    void stop() {
        server.close();
    }

    private LanguageModel open(boolean streamed) {
        return Backends.open(Harness.spec(ApiKind.OLLAMA, server.base(""), ServerDialect.GENERIC, streamed), h.settings());
    }

    private static String chunk(String response, String logprobs) {
        return "{\"model\":\"gemma3\",\"created_at\":\"2025-12-12T10:00:00.000000000Z\",\"response\":\"" + response
                + "\",\"done\":false,\"logprobs\":[" + logprobs + "]}";
    }

    @Test
    void aSplitCharacterKeepsTheResponseTextStreamed() throws Exception {
        server.enqueue(Reply.ndjson(
                chunk(" I", "{\"token\":\" I\",\"logprob\":-0.5,\"bytes\":[32,73]}"),
                chunk(" ", "{\"token\":\" \",\"logprob\":-0.25,\"bytes\":[32]}"),
                chunk("❤", HEART_TOKENS),
                chunk(" it.", "{\"token\":\" it\",\"logprob\":-0.75,\"bytes\":[32,105,116]},"
                        + "{\"token\":\".\",\"logprob\":-0.0625,\"bytes\":[46]}"),
                "{\"model\":\"gemma3\",\"created_at\":\"2025-12-12T10:00:01.000000000Z\",\"response\":\"\",\"done\":true,"
                        + "\"done_reason\":\"stop\",\"total_duration\":1,\"eval_count\":7}"));
        try (LanguageModel m = open(true)) {
            Completion c = m.generate(Prompt.of("Say"), SamplingParams.DEFAULTS.withTopLogprobs(1)).get(0);
            assertEquals(" I ❤ it.", c.text());
            assertEquals("❤|-1.875|\uFFFD:-1.5", Harness.show(c.tokens().get(2)));
        }
        assertFalse(server.lastBody().get("think").asBoolean(), "raw text stays in response on thinking models");
        assertTrue(server.lastBody().has("think"));
    }

    @Test
    void aSplitCharacterKeepsTheResponseTextWhole() throws Exception {
        server.enqueueJson(200, "{\"model\":\"gemma3\",\"created_at\":\"2025-12-12T10:00:01.000000000Z\","
                + "\"response\":\" I ❤ it.\",\"done\":true,\"done_reason\":\"stop\",\"total_duration\":1,\"eval_count\":7,"
                + "\"logprobs\":[{\"token\":\" I\",\"logprob\":-0.5,\"bytes\":[32,73]},"
                + "{\"token\":\" \",\"logprob\":-0.25,\"bytes\":[32]}," + HEART_TOKENS + ","
                + "{\"token\":\" it\",\"logprob\":-0.75,\"bytes\":[32,105,116]},{\"token\":\".\",\"logprob\":-0.0625,\"bytes\":[46]}]}");
        try (LanguageModel m = open(false)) {
            Completion c = m.generate(Prompt.of("Say"), SamplingParams.DEFAULTS).get(0);
            assertEquals(" I ❤ it.", c.text());
            assertEquals(List.of(" I", " ", "❤", " it", "."), c.tokens().stream().map(t -> t.text()).toList());
        }
    }
}
