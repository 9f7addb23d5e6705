package dev.weft.model.http.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.config.ApiKind;
import dev.weft.config.ServerDialect;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import dev.weft.model.http.Backends;
import dev.weft.model.http.Harness;
import dev.weft.model.http.LocalServer;
import dev.weft.model.http.LocalServer.Reply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * vLLM's text against its token lists, with bodies as its code builds them:
 * vllm-project/vllm vllm/entrypoints/openai/completion/serving.py ({@code _create_completion_logprobs}:
 * {@code tokens} from {@code tokenizer.decode} per id, the first echoed logprob null, {@code text_offset}
 * counting every token's decoded length, BOS included; {@code top_logprobs} holding the chosen token plus
 * the top n), vllm/v1/engine/detokenizer.py ({@code BaseIncrementalDetokenizer.update}: the text is cut at
 * a stop string while the step's token ids stay), and, before vllm-project/vllm#28874,
 * vllm/entrypoints/openai/chat_completion/serving.py ({@code bytes = list(token.encode("utf-8",
 * errors="replace"))}) with U+FFFD tokens for a character split across tokens.
 */
class VllmServerTextTest {
    private final LocalServer server = LocalServer.start();
    private final Harness h = new Harness();

    @AfterEach
    void stop() {
        server.close();
    }

    private LanguageModel open(ApiKind api, boolean streamed) {
        return Backends.open(Harness.spec(api, server.base("/v1"), ServerDialect.VLLM, streamed), h.settings());
    }

    /** An echo of {@code prompt}{@code continuation} plus one generated token, with Llama's BOS in front (vllm-project/vllm#5334). */
    private static String echo(String sent, String tokens, String logprobs, String offsets, String tops) {
        return """
                {"id":"cmpl-4a1e","object":"text_completion","created":1733140000,"model":"meta-llama/Llama-2-7b-hf",\
                "choices":[{"index":0,"text":"%s.","logprobs":{"text_offset":[%s],"token_logprobs":[%s],\
                "tokens":[%s],"top_logprobs":[%s]},"finish_reason":"length","stop_reason":null,"prompt_logprobs":null}],\
                "usage":{"prompt_tokens":7,"total_tokens":8,"completion_tokens":1,"prompt_tokens_details":null}}"""
                .formatted(sent, offsets, logprobs, tokens, tops);
    }

    @Test
    void echoScoringWithABosTokenScoresTheContinuationNotThePromptsEnd() throws Exception {
        server.enqueueJson(200, echo("The capital of France is Paris",
                "\"<s>\",\"The\",\" capital\",\" of\",\" France\",\" is\",\" Paris\",\".\"",
                "null,-9.5,-16.5,-1.25,-0.75,-0.5,-6.5,-1.0",
                "0,3,6,14,17,24,27,33",
                "null,{\"The\":-9.5,\"In\":-2.0},{\" capital\":-16.5,\" first\":-3.0},{\" of\":-1.25},{\" France\":-0.75},"
                        + "{\" is\":-0.5},{\" Paris\":-6.5,\" the\":-1.5},{\".\":-1.0}"));
        server.enqueueJson(200, echo("The capital of France is Lyon",
                "\"<s>\",\"The\",\" capital\",\" of\",\" France\",\" is\",\" Lyon\",\".\"",
                "null,-9.5,-16.5,-1.25,-0.75,-0.5,-9.25,-1.0",
                "0,3,6,14,17,24,27,32",
                "null,{\"The\":-9.5,\"In\":-2.0},{\" capital\":-16.5,\" first\":-3.0},{\" of\":-1.25},{\" France\":-0.75},"
                        + "{\" is\":-0.5},{\" Lyon\":-9.25,\" the\":-1.5},{\".\":-1.0}"));
        try (LanguageModel m = open(ApiKind.OPENAI_COMPLETIONS, false)) {
            Scoring paris = m.score(Prompt.of("The capital of France is"), " Paris", 0);
            assertEquals(List.of(" Paris|-6.5| the:-1.5, Paris:-6.5"), Harness.show(paris.tokens()));
            assertEquals(1, server.lastBody().get("logprobs").asInt(),
                    "never logprobs 0 with echo: early vLLM V1 answers 500");
            Scoring lyon = m.score(Prompt.of("The capital of France is"), " Lyon", 0);
            assertEquals(-9.25, lyon.logprob(), "each candidate gets its own score, not the prompt's last token's");
        }
    }

    @Test
    void theStopStringsTokensAreNotPartOfTheNodeWhole() throws Exception {
        server.enqueueJson(200, """
                {"id":"cmpl-7f","object":"text_completion","created":1733140000,"model":"m","choices":[{"index":0,\
                "text":" time.","logprobs":{"text_offset":[0,5,6],"token_logprobs":[-0.5,-0.25,-0.125],\
                "tokens":[" time",".","\\n\\n"],"top_logprobs":[{" time":-0.5},{".":-0.25},{"\\n\\n":-0.125}]},\
                "finish_reason":"stop","stop_reason":"\\n\\n","prompt_logprobs":null}],\
                "usage":{"prompt_tokens":4,"total_tokens":7,"completion_tokens":3,"prompt_tokens_details":null}}""");
        try (LanguageModel m = open(ApiKind.OPENAI_COMPLETIONS, false)) {
            Completion c = m.generate(Prompt.of("Once upon a"), SamplingParams.DEFAULTS.withStop(List.of("\n\n"))).get(0);
            assertEquals(" time.", c.text());
            assertEquals(2, c.tokens().size());
        }
    }

    @Test
    void theStopStringsTokensAreNotPartOfTheNodeStreamed() throws Exception {
        String chunk = "{\"id\":\"cmpl-7f\",\"object\":\"text_completion\",\"created\":1733140000,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"text\":\"%s\",\"logprobs\":{\"text_offset\":[%d],\"token_logprobs\":[%s],"
                + "\"tokens\":[\"%s\"],\"top_logprobs\":[{\"%s\":%s}]},\"finish_reason\":%s,\"stop_reason\":%s}],\"usage\":null}";
        server.enqueue(Reply.sse(
                chunk.formatted(" time", 0, "-0.5", " time", " time", "-0.5", "null", "null"),
                chunk.formatted(".", 5, "-0.25", ".", ".", "-0.25", "null", "null"),
                chunk.formatted("", 6, "-0.125", "\\n\\n", "\\n\\n", "-0.125", "\"stop\"", "\"\\n\\n\""),
                "[DONE]"));
        try (LanguageModel m = open(ApiKind.OPENAI_COMPLETIONS, true)) {
            Completion c = m.generate(Prompt.of("Once upon a"), SamplingParams.DEFAULTS.withStop(List.of("\n\n"))).get(0);
            assertEquals(" time.", c.text());
            assertEquals(List.of(" time|-0.5| time:-0.5", ".|-0.25|.:-0.25"), Harness.show(c.tokens()));
        }
    }

    @Test
    void oldVllmReplacementTokensKeepTheServersTextCompletions() throws Exception {
        // "🙂" is two byte-level tokens; tokenizer.decode of each alone gives "\uFFFD" and "\uFFFD\uFFFD"
        server.enqueueJson(200, """
                {"id":"cmpl-1","object":"text_completion","created":1733140000,"model":"m","choices":[{"index":0,\
                "text":" I 🙂 it.","logprobs":{"text_offset":[0,2,3,4,6,9],"token_logprobs":[-0.5,-0.25,-1.5,-0.5,-0.75,-0.125],\
                "tokens":[" I"," ","\uFFFD","\uFFFD\uFFFD"," it","."],\
                "top_logprobs":[{" I":-0.5},{" ":-0.25},{"\uFFFD":-1.5},{"\uFFFD\uFFFD":-0.5},{" it":-0.75},{".":-0.125}]},\
                "finish_reason":"length","stop_reason":null,"prompt_logprobs":null}],\
                "usage":{"prompt_tokens":2,"total_tokens":8,"completion_tokens":6,"prompt_tokens_details":null}}""");
        try (LanguageModel m = open(ApiKind.OPENAI_COMPLETIONS, false)) {
            Completion c = m.generate(Prompt.of("Say"), SamplingParams.DEFAULTS).get(0);
            assertEquals(" I 🙂 it.", c.text());
            assertEquals("🙂|-2.0|\uFFFD:-1.5", Harness.show(c.tokens().get(2)),
                    "the span keeps the server's text and the sum of its tokens' logprobs");
        }
        assertTrue(h.notices.stream().anyMatch(n -> n.contains("do not spell its text")), h.notices.toString());
    }

    @Test
    void oldVllmReplacementTokensKeepTheServersTextChatStreamed() throws Exception {
        String chunk = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1733140000,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"logprobs\":{\"content\":[%s]},"
                + "\"finish_reason\":%s,\"stop_reason\":null}]}";
        String fffd = "239,191,189";
        server.enqueue(Reply.sse(
                chunk.formatted(" I", "{\"token\":\" I\",\"logprob\":-0.5,\"bytes\":[32,73],\"top_logprobs\":[]}", "null"),
                chunk.formatted(" ", "{\"token\":\" \",\"logprob\":-0.25,\"bytes\":[32],\"top_logprobs\":[]}", "null"),
                chunk.formatted("", "{\"token\":\"\uFFFD\",\"logprob\":-1.5,\"bytes\":[" + fffd + "],\"top_logprobs\":[]}", "null"),
                chunk.formatted("🙂", "{\"token\":\"\uFFFD\uFFFD\",\"logprob\":-0.5,\"bytes\":[" + fffd + "," + fffd
                        + "],\"top_logprobs\":[]}", "null"),
                chunk.formatted(" it", "{\"token\":\" it\",\"logprob\":-0.75,\"bytes\":[32,105,116],\"top_logprobs\":[]}",
                        "\"length\""),
                "[DONE]"));
        try (LanguageModel m = open(ApiKind.OPENAI_CHAT, true)) {
            Completion c = m.generate(Prompt.of("Say"), SamplingParams.DEFAULTS).get(0);
            assertEquals(" I 🙂 it", c.text());
            assertEquals(List.of(" I|-0.5", " |-0.25", "🙂|-2.0", " it|-0.75"), Harness.show(c.tokens()));
        }
    }

    @Test
    void oldVllmReplacementTokensKeepTheServersTextChatWhole() throws Exception {
        // the same completion, not streamed: message.content is the text, logprobs.content the token list
        String fffd = "239,191,189";
        server.enqueueJson(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1733140000,"
                + "\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\" I 🙂 it\","
                + "\"tool_calls\":[]},\"logprobs\":{\"content\":["
                + "{\"token\":\" I\",\"logprob\":-0.5,\"bytes\":[32,73],\"top_logprobs\":[]},"
                + "{\"token\":\" \",\"logprob\":-0.25,\"bytes\":[32],\"top_logprobs\":[]},"
                + "{\"token\":\"\uFFFD\",\"logprob\":-1.5,\"bytes\":[" + fffd + "],\"top_logprobs\":[]},"
                + "{\"token\":\"\uFFFD\uFFFD\",\"logprob\":-0.5,\"bytes\":[" + fffd + "," + fffd + "],\"top_logprobs\":[]},"
                + "{\"token\":\" it\",\"logprob\":-0.75,\"bytes\":[32,105,116],\"top_logprobs\":[]}]},"
                + "\"finish_reason\":\"length\",\"stop_reason\":null}],"
                + "\"usage\":{\"prompt_tokens\":2,\"total_tokens\":7,\"completion_tokens\":5}}");
        try (LanguageModel m = open(ApiKind.OPENAI_CHAT, false)) {
            Completion c = m.generate(Prompt.of("Say"), SamplingParams.DEFAULTS).get(0);
            assertEquals(" I 🙂 it", c.text());
            assertEquals(List.of(" I|-0.5", " |-0.25", "🙂|-2.0", " it|-0.75"), Harness.show(c.tokens()));
        }
    }

    @Test
    void oldVllmReplacementTokensKeepTheServersTextCompletionsStreamed() throws Exception {
        // streamed, each chunk carries its delta text and that step's tokens; the text of the split
        // character arrives with its last token (the incremental detokenizer holds it back until whole)
        String chunk = "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1733140000,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"text\":\"%s\",\"logprobs\":{\"text_offset\":[%d],\"token_logprobs\":[%s],"
                + "\"tokens\":[\"%s\"],\"top_logprobs\":[{\"%s\":%s}]},\"finish_reason\":%s,\"stop_reason\":null}]}";
        server.enqueue(Reply.sse(
                chunk.formatted(" I", 0, "-0.5", " I", " I", "-0.5", "null"),
                chunk.formatted(" ", 2, "-0.25", " ", " ", "-0.25", "null"),
                chunk.formatted("", 3, "-1.5", "\uFFFD", "\uFFFD", "-1.5", "null"),
                chunk.formatted("🙂", 3, "-0.5", "\uFFFD\uFFFD", "\uFFFD\uFFFD", "-0.5", "null"),
                chunk.formatted(" it", 5, "-0.75", " it", " it", "-0.75", "\"length\""),
                "[DONE]"));
        try (LanguageModel m = open(ApiKind.OPENAI_COMPLETIONS, true)) {
            Completion c = m.generate(Prompt.of("Say"), SamplingParams.DEFAULTS).get(0);
            assertEquals(" I 🙂 it", c.text());
            assertEquals(List.of(" I", " ", "🙂", " it"), c.tokens().stream().map(dev.weft.loom.Token::text).toList());
            assertEquals(-2.0, c.tokens().get(2).logprob(), 1e-9);
        }
    }
}
