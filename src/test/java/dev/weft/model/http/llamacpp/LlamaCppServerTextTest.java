package dev.weft.model.http.llamacpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.config.ApiKind;
import dev.weft.config.ServerDialect;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
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
 * llama.cpp's {@code /completion} text against its probabilities, bodies as its code builds them:
 * ggml-org/llama.cpp tools/server/server-context.cpp {@code process_token} (a token that leaves the
 * text inside a character gets no entry; the one that completes it gets {@code text_to_send} = the
 * whole character; a token held back as a possible stop word gets {@code text_to_send = ""} and,
 * streamed, still a probability entry; {@code send_final_response} cuts the stop word's entries only
 * when not streaming), tools/server/server-task.cpp {@code completion_token_output::probs_vector_to_json}
 * ({@code id}, {@code token} cut to valid UTF-8, {@code bytes} of {@code text_to_send}, alternatives'
 * {@code bytes} their own piece), and before ggml-org/llama.cpp#10783 {@code tokens_to_output_formatted_string}
 * ({@code "byte: \\xNN"} for a lone high byte, with the {@code content}/{@code probs} layout).
 */
class LlamaCppServerTextTest {
    private final LocalServer server = LocalServer.start();
    private final Harness h = new Harness();

    @AfterEach
    void stop() {
        server.close();
    }

    private LanguageModel open(boolean streamed) {
        return Backends.open(Harness.spec(ApiKind.LLAMACPP, server.base(""), ServerDialect.GENERIC, streamed), h.settings());
    }

    private static String entry(int id, String token, String bytes, double logprob, String top) {
        return "{\"id\":" + id + ",\"token\":\"" + token + "\",\"bytes\":[" + bytes + "],\"logprob\":" + logprob
                + ",\"top_logprobs\":[" + top + "]}";
    }

    private static String alt(int id, String token, String bytes, double logprob) {
        return "{\"id\":" + id + ",\"token\":\"" + token + "\",\"bytes\":[" + bytes + "],\"logprob\":" + logprob + "}";
    }

    private static String partial(String content, int tokenId, int n, String probabilities) {
        return "{\"index\":0,\"content\":\"" + content + "\",\"tokens\":[" + tokenId + "],\"stop\":false,\"id_slot\":-1,"
                + "\"tokens_predicted\":" + n + ",\"tokens_evaluated\":4"
                + (probabilities == null ? "" : ",\"completion_probabilities\":[" + probabilities + "]") + "}";
    }

    private static String fin(String content, String stopType, String word, String probabilities) {
        return "{\"index\":0,\"content\":\"" + content + "\",\"tokens\":[],\"id_slot\":0,\"stop\":true,\"model\":\"gpt-3.5-turbo\","
                + "\"tokens_predicted\":4,\"tokens_evaluated\":4,\"generation_settings\":{},\"prompt\":\"<s> Once upon a\","
                + "\"has_new_line\":true,\"truncated\":false,\"stop_type\":\"" + stopType + "\",\"stopping_word\":\"" + word
                + "\",\"tokens_cached\":8,\"timings\":{}"
                + (probabilities == null ? "" : ",\"completion_probabilities\":[" + probabilities + "]") + "}";
    }

    private static final String TIME = entry(931, " time", "32,116,105,109,101", -0.5, alt(931, " time", "32,116,105,109,101", -0.5));
    private static final String DOT = entry(29889, ".", "46", -0.25, alt(29889, ".", "46", -0.25));

    @Test
    void streamedAndWholeGiveTheSameTokensWhenAStopWordEnds() throws Exception {
        String held = entry(13, "", "", -0.125, alt(13, "\\n", "10", -0.125));
        server.enqueue(Reply.sse(
                partial(" time", 931, 1, TIME),
                partial(".", 29889, 2, DOT),
                partial("", 13, 3, held),
                partial("", 13, 4, held),
                fin("", "word", "\\n\\n", null)));
        server.enqueueJson(200, fin(" time.", "word", "\\n\\n", TIME + "," + DOT));
        List<String> streamed;
        List<String> whole;
        SamplingParams p = SamplingParams.DEFAULTS.withTopLogprobs(1).withStop(List.of("\n\n"));
        try (LanguageModel m = open(true)) {
            Completion c = m.generate(Prompt.of("Once upon a"), p).get(0);
            assertEquals(" time.", c.text());
            streamed = Harness.show(c.tokens());
        }
        try (LanguageModel m = open(false)) {
            whole = Harness.show(m.generate(Prompt.of("Once upon a"), p).get(0).tokens());
        }
        assertEquals(whole, streamed, "the held-back stop word's empty entries are not tokens");
        assertEquals(List.of(" time|-0.5| time:-0.5", ".|-0.25|.:-0.25"), streamed);
    }

    @Test
    void aCharacterSplitAcrossTokensIsFoundAmongItsOwnAlternativesById() throws Exception {
        // "❤" = e2 9d a4: token 162 (e2 9d) gets no entry, token 243 (a4) gets the whole character
        String heart = entry(243, "❤", "226,157,164", -0.5, alt(243, "", "164", -0.5) + "," + alt(244, "", "165", -1.5));
        server.enqueueJson(200, fin(" ❤.", "eos", "",
                entry(29871, " ", "32", -0.25, alt(29871, " ", "32", -0.25)) + "," + heart + "," + DOT));
        try (LanguageModel m = open(false)) {
            Completion c = m.generate(Prompt.of("Love:"), SamplingParams.DEFAULTS.withTopLogprobs(2)).get(0);
            assertEquals(" ❤.", c.text());
            Token t = c.tokens().get(1);
            assertEquals("❤", t.text());
            assertEquals(1, t.rank(), "the chosen token is the alternative with its id, though its bytes differ");
        }
    }

    @Test
    void speculativePlaceholdersAreUnscoredNotCertain() throws Exception {
        // ggml-org/llama.cpp#27972: with a draft model, tokens after the first come back as 0.0 with no alternatives
        server.enqueueJson(200, fin(" time.", "eos", "", TIME + "," + entry(29889, ".", "46", 0.0, "")));
        try (LanguageModel m = open(false)) {
            Completion c = m.generate(Prompt.of("Once upon a"), SamplingParams.DEFAULTS.withTopLogprobs(1)).get(0);
            assertTrue(c.tokens().get(0).isScored());
            assertFalse(c.tokens().get(1).isScored(), "p = 1.0 would be a finding that is not there");
        }
        assertEquals(1, h.notices.stream().filter(n -> n.contains("draft model")).count(), h.notices.toString());
    }

    @Test
    void oldServersByteFormIsDecodedAndContentIsTheText() throws Exception {
        String old = "{\"content\":\"%s\",\"probs\":[{\"tok_str\":\"%s\",\"prob\":%s}]}";
        String probs = String.join(",",
                old.formatted(" I", " I", "0.5"),
                old.formatted(" ", " ", "0.75"),
                old.formatted("byte: \\\\xa4", "byte: \\\\xa4", "0.25"),
                old.formatted(" it", " it", "0.5"));
        server.enqueueJson(200, "{\"content\":\" I ❤ it\",\"id_slot\":0,\"stop\":true,\"model\":\"m.gguf\","
                + "\"tokens_predicted\":5,\"tokens_evaluated\":2,\"stopped_eos\":false,\"stopped_word\":false,"
                + "\"stopped_limit\":true,\"stopping_word\":\"\",\"completion_probabilities\":[" + probs + "]}");
        try (LanguageModel m = open(false)) {
            Completion c = m.generate(Prompt.of("Say"), SamplingParams.DEFAULTS.withTopLogprobs(1)).get(0);
            assertEquals(" I ❤ it", c.text());
            assertEquals(List.of(" I", " ", "❤", " it"), c.tokens().stream().map(Token::text).toList());
            assertEquals(Math.log(0.25), c.tokens().get(2).logprob(), 1e-9,
                    "the span carries the one score the server gave for it");
        }
    }

    /**
     * Streamed, before ggml-org/llama.cpp#10783 (examples/server/server.cpp): a token inside a
     * character sends nothing; the one that completes it sends the character with the pending tokens'
     * entries (send_partial_response takes as many as llama_tokenize gives for the text: "❤" is
     * "▁" and three byte tokens in a SentencePiece vocabulary, so both pending entries come); the
     * opening piece's tok_str is its invalid bytes, replaced by U+FFFD when the JSON is dumped; and
     * send_final_response repeats every entry with an empty content.
     */
    @Test
    void oldServersStreamedSplitCharacterAndRepeatedFinalEntries() throws Exception {
        String old = "{\"content\":\"%s\",\"probs\":[{\"tok_str\":\"%s\",\"prob\":%s}]}";
        String i = old.formatted(" I", " I", "0.5");
        String space = old.formatted(" ", " ", "0.75");
        String open = old.formatted("\uFFFD", "\uFFFD", "0.5");
        String close = old.formatted("byte: \\\\xa4", "byte: \\\\xa4", "0.25");
        String it = old.formatted(" it", " it", "0.5");
        String partial = "{\"content\":\"%s\",\"stop\":false,\"id_slot\":0,\"multimodal\":false,"
                + "\"completion_probabilities\":[%s]}";
        server.enqueue(Reply.sse(
                partial.formatted(" I", i),
                partial.formatted(" ", space),
                partial.formatted("❤", open + "," + close),
                partial.formatted(" it", it),
                "{\"content\":\"\",\"id_slot\":0,\"stop\":true,\"model\":\"m.gguf\",\"tokens_predicted\":5,"
                        + "\"tokens_evaluated\":2,\"stopped_eos\":false,\"stopped_word\":false,\"stopped_limit\":true,"
                        + "\"stopping_word\":\"\",\"tokens_cached\":7,\"completion_probabilities\":["
                        + String.join(",", i, space, open, close, it) + "]}"));
        try (LanguageModel m = open(true)) {
            Completion c = m.generate(Prompt.of("Say"), SamplingParams.DEFAULTS.withTopLogprobs(1)).get(0);
            assertEquals(" I ❤ it", c.text());
            // the U+FFFD entry covers exactly the bytes before the next entry's: the character's own two
            // tokens come back as its two byte pieces, each with its score (the loom joins them on display)
            assertEquals(List.of(" I", " ", "\\xe2\\x9d", "\\xa4", " it"), c.tokens().stream().map(Token::text).toList(),
                    "the final message's repeated entries add nothing");
            assertEquals(Math.log(0.5), c.tokens().get(2).logprob(), 1e-9);
            assertEquals(Math.log(0.25), c.tokens().get(3).logprob(), 1e-9);
        }
    }

    @Test
    void chatAsksForAtLeastOneAlternativeOrLlamaCppSendsNoLogprobs() throws Exception {
        // tools/server/server-common.cpp oaicompat_chat_params_parse: n_probs = top_logprobs; server-task.cpp
        // to_json_oaicompat_chat (partial): logprobs only when n_probs > 0, on the chunk's last delta
        String head = "{\"choices\":[{\"finish_reason\":%s,\"index\":0,\"delta\":%s%s}],\"created\":1733140000,"
                + "\"id\":\"chatcmpl-Xq\",\"model\":\"gpt-3.5-turbo\",\"system_fingerprint\":\"b4500-0a1b2c3d\","
                + "\"object\":\"chat.completion.chunk\"}";
        server.enqueue(Reply.sse(
                head.formatted("null", "{\"role\":\"assistant\",\"content\":null}", ""),
                head.formatted("null", "{\"content\":\" time\"}", ",\"logprobs\":{\"content\":[" + TIME + "]}"),
                head.formatted("\"length\"", "{}", ""),
                "[DONE]"));
        try (LanguageModel m = Backends.open(Harness.spec(ApiKind.OPENAI_CHAT, server.base("/v1"), ServerDialect.GENERIC, true),
                h.settings())) {
            Completion c = m.generate(Prompt.of("Once upon a"), SamplingParams.DEFAULTS.withTopLogprobs(0)).get(0);
            assertEquals(" time", c.text());
            assertTrue(c.tokens().get(0).isScored());
        }
        assertEquals(1, server.lastBody().get("top_logprobs").asInt(), "0 would turn llama.cpp's logprobs off");
    }

    @Test
    void itsOpenAiEndpointIsSentEverySamplingFieldItWouldOtherwiseDefault() throws Exception {
        // server-task.cpp params_from_json_cmpl: an omitted top_k is 40, min_p 0.05 (the server's defaults);
        // server-task.cpp to_json_oaicompat: the completions body with logprobs.content in the chat layout
        server.enqueueJson(200, "{\"choices\":[{\"text\":\" time\",\"index\":0,\"logprobs\":{\"content\":[" + TIME + "]},"
                + "\"finish_reason\":\"length\"}],\"created\":1733140000,\"model\":\"gpt-3.5-turbo\","
                + "\"system_fingerprint\":\"b4500-0a1b2c3d\",\"object\":\"text_completion\",\"usage\":{\"completion_tokens\":1,"
                + "\"prompt_tokens\":4,\"total_tokens\":5},\"id\":\"chatcmpl-Xq\"}");
        try (LanguageModel m = Backends.open(Harness.spec(ApiKind.OPENAI_COMPLETIONS, server.base("/v1"),
                ServerDialect.LLAMACPP, false), h.settings())) {
            Completion c = m.generate(Prompt.of("Once upon a"), SamplingParams.DEFAULTS.withMaxTokens(1)).get(0);
            assertEquals(List.of(" time|-0.5| time:-0.5"), Harness.show(c.tokens()));
            assertFalse(m.capabilities().scoresText(), "llama.cpp does not echo prompt logprobs");
        }
        var body = server.lastBody();
        assertEquals(0, body.get("top_k").asInt(), "off, not the server's 40");
        assertEquals(0.0, body.get("min_p").asDouble(), "off, not the server's 0.05");
        assertEquals(1.0, body.get("repeat_penalty").asDouble());
        assertEquals(1.0, body.get("top_p").asDouble());
    }
}
