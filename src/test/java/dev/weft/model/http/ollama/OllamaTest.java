package dev.weft.model.http.ollama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.config.ApiKind;
import dev.weft.config.ServerDialect;
import dev.weft.loom.FinishReason;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.model.http.Backends;
import dev.weft.model.http.Harness;
import dev.weft.model.http.LocalServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ollama's {@code /api/generate} against bodies in the layout of its API docs and Go types:
 * NDJSON chunks with a top-level {@code logprobs} array ({@code token}, {@code logprob},
 * optional {@code bytes}, {@code top_logprobs}), {@code done}/{@code done_reason}, and the
 * {@code {"error"}} line of docs/api/errors.mdx arriving mid-stream on a 200.
 */
class OllamaTest {
    private final LocalServer server = LocalServer.start();
    private final Harness h = new Harness();

    @AfterEach
    void stop() {
        server.close();
    }

    private LanguageModel open(boolean streamed) {
        return Backends.open(Harness.spec(ApiKind.OLLAMA, server.base(""), ServerDialect.GENERIC, streamed), h.settings());
    }

    @Test
    void ndjsonStream() throws Exception {
        server.enqueue(Harness.replay("ollama/generate-stream.ndjson"));
        try (LanguageModel m = open(true)) {
            Completion c = m.generate(Prompt.of("Why is"), SamplingParams.DEFAULTS.withTopLogprobs(2)).get(0);
            assertEquals(List.of("The|-0.4|The:-0.4,A:-1.2", " sky|-0.9| sky:-0.9, sun:-1.1"), Harness.show(c.tokens()));
            assertEquals(FinishReason.LENGTH, c.finish());
        }
        JsonNode body = server.lastBody();
        assertEquals("/api/generate", server.lastPath());
        assertTrue(body.get("raw").asBoolean(), "no chat template between the prompt and the model");
        assertTrue(body.get("logprobs").asBoolean());
        assertEquals(2, body.get("top_logprobs").asInt());
        assertEquals(48, body.at("/options/num_predict").asInt());
        assertEquals(0, body.at("/options/top_k").asInt());
        assertEquals(1.0, body.at("/options/top_p").asDouble());
        assertEquals(1.0, body.at("/options/repeat_penalty").asDouble(), "not Ollama's 1.1");
    }

    @Test
    void wholeResponse() throws Exception {
        server.enqueueJson(200, Harness.recorded("ollama/generate.json"));
        try (LanguageModel m = open(false)) {
            Completion c = m.generate(Prompt.of("Sky colour:"), SamplingParams.DEFAULTS).get(0);
            assertEquals(List.of("Blue|-0.3|Blue:-0.3,Red:-2.3", ".|-0.1|.:-0.1"), Harness.show(c.tokens()));
            assertEquals(FinishReason.STOP, c.finish());
        }
        assertEquals(false, server.lastBody().get("stream").asBoolean());
    }

    @Test
    void errorMidStreamKeepsTheTokensAndSaysWhy() throws Exception {
        server.enqueue(Harness.replay("ollama/generate-error.ndjson"));
        try (LanguageModel m = open(true)) {
            Completion c = m.generate(Prompt.of("Is it?"), SamplingParams.DEFAULTS).get(0);
            assertEquals(" Yes.", c.text());
            assertEquals(FinishReason.CUT, c.finish());
        }
        assertEquals(List.of("ollama: the server reported an error mid-stream: an error was encountered while running"
                + " the model (" + server.base("") + "/api/generate); kept 2 tokens"), h.notices);
    }

    @Test
    void errorBeforeAnyTokenFails() {
        server.enqueue(LocalServer.Reply.ndjson("{\"error\":\"model requires more system memory\"}"));
        try (LanguageModel m = open(true)) {
            ModelException e = assertThrows(ModelException.class, () -> m.generate(Prompt.of("x"), SamplingParams.DEFAULTS));
            assertEquals("ollama: the server reported an error mid-stream: model requires more system memory ("
                    + server.base("") + "/api/generate)", e.getMessage());
        }
    }

    @Test
    void topKAboveTheCapAsksForTheCapAndSaysSoOnce() throws Exception {
        server.enqueue(Harness.replay("ollama/generate-stream.ndjson"), Harness.replay("ollama/generate-stream.ndjson"));
        try (LanguageModel m = open(true)) {
            m.generate(Prompt.of("x"), SamplingParams.DEFAULTS.withTopLogprobs(50));
            m.generate(Prompt.of("x"), SamplingParams.DEFAULTS.withTopLogprobs(50));
        }
        assertEquals(20, server.lastBody().get("top_logprobs").asInt());
        assertEquals(List.of("ollama: asked for 50 alternatives per token; " + server.base("")
                + " gives at most 20, so weft asks for 20"), h.notices);
    }
}
