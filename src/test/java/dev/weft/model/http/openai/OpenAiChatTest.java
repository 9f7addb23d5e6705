package dev.weft.model.http.openai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.config.ApiKind;
import dev.weft.config.ServerDialect;
import dev.weft.loom.FinishReason;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import dev.weft.model.Cancellation;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.model.http.Backends;
import dev.weft.model.http.Harness;
import dev.weft.model.http.LocalServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/chat/completions} against recorded bodies in the layout of OpenAI's API reference
 * (chat completion object and chunk): {@code logprobs.content[]} with {@code token}, {@code bytes},
 * {@code logprob}, {@code top_logprobs}; {@code -9999.0} for "below the top 20".
 */
class OpenAiChatTest {
    private final LocalServer server = LocalServer.start();
    private final Harness h = new Harness();

    @AfterEach
    void stop() {
        server.close();
    }

    private LanguageModel open(ServerDialect dialect, boolean streamed) {
        return Backends.open(Harness.spec(ApiKind.OPENAI_CHAT, server.base("/v1"), dialect, streamed), h.settings());
    }

    @Test
    void bytesArraysKeepPartialUtf8AndSentinelsAreDropped() throws Exception {
        server.enqueueJson(200, Harness.recorded("openai/chat.json"));
        try (LanguageModel m = open(ServerDialect.OPENAI, false)) {
            Completion c = m.generate(Prompt.of("Parlez-vous français ?"), SamplingParams.DEFAULTS.withTopLogprobs(3)).get(0);
            assertEquals(List.of("Oui|-0.02|Oui:-0.02,Non:-4.1", " \\xf0\\x9f|-0.7| \\xf0\\x9f:-0.7",
                    "\\x99\\x82|-0.001"), Harness.show(c.tokens()));
            assertArrayEquals(new byte[] {32, (byte) 240, (byte) 159}, c.tokens().get(1).piece().bytes());
            assertEquals("Oui 🙂", c.text());
            assertEquals(FinishReason.STOP, c.finish());
        }
        JsonNode body = server.lastBody();
        assertEquals("/v1/chat/completions", server.lastPath());
        assertEquals("user", body.at("/messages/0/role").asText());
        assertEquals("Parlez-vous français ?", body.at("/messages/0/content").asText());
        assertTrue(body.get("logprobs").asBoolean());
        assertEquals(3, body.get("top_logprobs").asInt());
        assertEquals(48, body.get("max_completion_tokens").asInt(), "OpenAI's chat takes max_completion_tokens");
        assertFalse(body.has("max_tokens"));
    }

    @Test
    void streamedDeltasArriveTokenByToken() throws Exception {
        server.enqueue(Harness.replay("openai/chat-stream.sse"));
        List<String> sunk = new ArrayList<>();
        try (LanguageModel m = open(ServerDialect.GENERIC, true)) {
            Completion c = m.generate(Prompt.of("Pick a number"), SamplingParams.DEFAULTS, (i, t) -> sunk.add(t.text()),
                    Cancellation.NEVER).get(0);
            assertEquals(List.of("Seven|-0.3|Seven:-0.3,Forty:-1.6", ".|-0.01|.:-0.01"), Harness.show(c.tokens()));
            assertEquals(List.of("Seven", "."), sunk);
            assertEquals(FinishReason.STOP, c.finish());
        }
        assertEquals(48, server.lastBody().get("max_tokens").asInt(), "compatible servers take max_tokens");
    }

    @Test
    void chatCannotScoreText() {
        try (LanguageModel m = open(ServerDialect.OPENAI, true)) {
            assertFalse(m.capabilities().scoresText());
            ModelException e = assertThrows(ModelException.class, () -> m.score(Prompt.of("a"), "b", 1));
            assertEquals("openai-chat cannot score text", e.getMessage());
        }
    }

    /** vLLM's chat API continues an open final assistant message (continue_final_message, add_generation_prompt false). */
    @Test
    void onVllmTheTextBelowThePromptIsContinuedAsThePartialAssistantReply() throws Exception {
        String reply = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\" yes\"},"
                + "\"finish_reason\":\"stop\",\"logprobs\":{\"content\":[{\"token\":\" yes\",\"logprob\":-0.1,"
                + "\"bytes\":[32,121,101,115],\"top_logprobs\":[]}]}}]}";
        server.enqueueJson(200, reply).enqueueJson(200, reply);
        Prompt path = Prompt.of(List.of(TokenRun.unscored("Are cats real?"), TokenRun.unscored("Cats are")));
        try (LanguageModel vllm = open(ServerDialect.VLLM, false)) {
            vllm.generate(path, SamplingParams.DEFAULTS);
        }
        JsonNode body = server.lastBody();
        assertEquals("Are cats real?", body.at("/messages/0/content").asText());
        assertEquals("assistant", body.at("/messages/1/role").asText());
        assertEquals("Cats are", body.at("/messages/1/content").asText());
        assertTrue(body.get("continue_final_message").asBoolean());
        assertFalse(body.get("add_generation_prompt").asBoolean());

        try (LanguageModel openai = open(ServerDialect.OPENAI, false)) {
            openai.generate(path, SamplingParams.DEFAULTS);
        }
        body = server.lastBody();
        assertEquals(1, body.get("messages").size(), "OpenAI cannot continue a reply: the whole path is the user turn");
        assertEquals("Are cats real?Cats are", body.at("/messages/0/content").asText());
        assertFalse(body.has("continue_final_message"));
    }
}
