package dev.weft.model.http.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.config.ApiKind;
import dev.weft.config.ServerDialect;
import dev.weft.loom.FinishReason;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import dev.weft.model.http.Backends;
import dev.weft.model.http.Harness;
import dev.weft.model.http.LocalServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/completions} against recorded bodies. Layouts: OpenAI's API reference for the legacy
 * Completions object ({@code tokens}, {@code token_logprobs}, {@code top_logprobs}, {@code text_offset},
 * {@code bytes:\xNN} tokens for partial UTF-8); vLLM's OpenAI-compatible server for streamed chunks
 * and for echo (its output as quoted in llama.cpp PR #15189: first prompt token's logprob null).
 */
class OpenAiCompletionsTest {
    private final LocalServer server = LocalServer.start();
    private final Harness h = new Harness();

    @AfterEach
    void stop() {
        server.close();
    }

    private LanguageModel open(ServerDialect dialect, boolean streamed) {
        return Backends.open(Harness.spec(ApiKind.OPENAI_COMPLETIONS, server.base("/v1"), dialect, streamed), h.settings());
    }

    @Test
    void legacyLayoutWithSplitUtf8AndSentinelsNotStreamed() throws Exception {
        server.enqueueJson(200, Harness.recorded("openai/completions-legacy.json"));
        List<String> sunk = new ArrayList<>();
        try (LanguageModel m = open(ServerDialect.OPENAI, false)) {
            SamplingParams p = SamplingParams.DEFAULTS.withN(2).withTopLogprobs(3).withMaxTokens(4);
            List<Completion> out = m.generate(Prompt.of("Say"), p, (c, t) -> sunk.add(c + ":" + t.text()),
                    dev.weft.model.Cancellation.NEVER);

            assertEquals(List.of(" the|-0.5| the:-0.5, a:-1.5",
                    "\\xf0\\x9f|-1.25|\\xf0\\x9f:-1.25, cat:-2.0",
                    "\\x99\\x82|-1.0E-4|\\x99\\x82:-1.0E-4"), Harness.show(out.get(0).tokens()));
            assertEquals(" the🙂", out.get(0).text(), "partial UTF-8 joins across tokens");
            assertEquals(FinishReason.LENGTH, out.get(0).finish());
            assertEquals(List.of(" a|-1.5| the:-0.5, a:-1.5"), Harness.show(out.get(1).tokens()));
            assertEquals(FinishReason.STOP, out.get(1).finish());
            assertEquals(List.of("0: the", "0:\\xf0\\x9f", "0:\\x99\\x82", "1: a"), sunk);
        }
        JsonNode body = server.lastBody();
        assertEquals("/v1/completions", server.lastPath());
        assertEquals("test-model", body.get("model").asText());
        assertEquals("Say", body.get("prompt").asText());
        assertEquals(4, body.get("max_tokens").asInt());
        assertEquals(3, body.get("logprobs").asInt());
        assertEquals(2, body.get("n").asInt());
        assertFalse(body.get("stream").asBoolean());
        assertFalse(body.has("top_k"), "OpenAI rejects top_k");
        assertFalse(body.has("min_p"));
    }

    @Test
    void streamedChunksReachTheSinkInOrder() throws Exception {
        server.enqueue(Harness.replay("openai/completions-stream.sse"));
        List<String> sunk = new ArrayList<>();
        try (LanguageModel m = open(ServerDialect.VLLM, true)) {
            List<Completion> out = m.generate(Prompt.of("Say"), SamplingParams.DEFAULTS.withTopK(40).withMinP(0.05),
                    (c, t) -> sunk.add(t.text()), dev.weft.model.Cancellation.NEVER);
            assertEquals(List.of(" Hello|-0.1| Hello:-0.1, Hi:-2.5", " world|-0.75| there:-0.7, world:-0.75"),
                    Harness.show(out.get(0).tokens()));
            assertEquals(FinishReason.LENGTH, out.get(0).finish());
            assertEquals(List.of(" Hello", " world"), sunk);
        }
        JsonNode body = server.lastBody();
        assertTrue(body.get("stream").asBoolean());
        assertEquals(40, body.get("top_k").asInt(), "vLLM takes top_k");
        assertEquals(0.05, body.get("min_p").asDouble());
    }

    @Test
    void chatStyleLogprobsOnTheCompletionsEndpoint() throws Exception {
        server.enqueueJson(200, """
                {"choices":[{"index":0,"text":"Hi","finish_reason":"stop","logprobs":{"content":[
                  {"token":"Hi","logprob":-0.3,"bytes":[72,105],"top_logprobs":[{"token":"Hi","logprob":-0.3},{"token":"Yo","logprob":-9999}]}]}}]}
                """);
        try (LanguageModel m = open(ServerDialect.GENERIC, false)) {
            Completion c = m.generate(Prompt.of("x"), SamplingParams.DEFAULTS).get(0);
            assertEquals(List.of("Hi|-0.3|Hi:-0.3"), Harness.show(c.tokens()));
        }
    }

    @Test
    void logprobsNullGivesUnscoredTokensAndSaysSoOnce() throws Exception {
        String body = """
                {"choices":[{"index":0,"text":" plain","logprobs":null,"finish_reason":"stop"}]}""";
        server.enqueueJson(200, body).enqueueJson(200, body);
        try (LanguageModel m = open(ServerDialect.GENERIC, false)) {
            Token t = m.generate(Prompt.of("x"), SamplingParams.DEFAULTS).get(0).tokens().get(0);
            m.generate(Prompt.of("x"), SamplingParams.DEFAULTS);
            assertEquals(" plain", t.text());
            assertFalse(t.isScored(), "no logprob is shown as unscored, never as a probability");
        }
        assertEquals(1, h.notices.size(), h.notices.toString());
        assertTrue(h.notices.get(0).contains("without logprobs"), h.notices.get(0));
    }

    @Test
    void scoresTheContinuationByEchoingIt() throws Exception {
        server.enqueueJson(200, """
                {"id":"cmpl-8c16f81d43846721","object":"text_completion","created":1772367069,"model":"m",
                 "choices":[{"index":0,"text":"The step of boiling water is: 1","logprobs":{
                   "text_offset":[0,3,8,11,19,25,28,29,30],
                   "token_logprobs":[null,-8.818763732910156,-1.552642822265625,-13.55989933013916,-2.0115487575531006,-2.2331151962280273,-8.53701114654541,-1.2870503664016724,-0.41059786081314087],
                   "tokens":["The"," step"," of"," boiling"," water"," is",":"," ","1"],
                   "top_logprobs":[null,{" step":-8.8," is":-0.78},{" of":-1.55},{" boiling":-13.5},{" water":-2.0},{" is":-2.2},
                                   {":":-8.53701114654541,".":-0.5},{" ":-1.2870503664016724," A":-1.9},{"1":-0.41}]},
                 "finish_reason":"length"}]}""");
        try (LanguageModel m = open(ServerDialect.VLLM, true)) {
            assertTrue(m.capabilities().scoresText());
            Scoring s = m.score(Prompt.of("The step of boiling water is"), ": ", 2);
            assertEquals(List.of(":|-8.53701114654541|.:-0.5,::-8.53701114654541",
                    " |-1.2870503664016724| :-1.2870503664016724, A:-1.9"), Harness.show(s.tokens()));
            assertEquals(-8.53701114654541 - 1.2870503664016724, s.logprob(), 1e-12);
        }
        JsonNode body = server.lastBody();
        assertEquals("The step of boiling water is: ", body.get("prompt").asText());
        assertTrue(body.get("echo").asBoolean());
        assertEquals(1, body.get("max_tokens").asInt(), "vLLM wants at least one token; it is cut off by offset");
        assertEquals(2, body.get("logprobs").asInt());
    }

    @Test
    void openAiScoringGeneratesNothing() {
        JsonNode body = new OpenAiCompletionsProtocol(ServerDialect.OPENAI)
                .scoreBody("davinci-002", Prompt.of("a"), "b", 5);
        assertEquals(0, body.get("max_tokens").asInt());
        assertEquals("ab", body.get("prompt").asText());
    }
}
