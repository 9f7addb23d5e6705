package dev.weft.model.http.llamacpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.config.ApiKind;
import dev.weft.config.ServerDialect;
import dev.weft.loom.FinishReason;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Cancellation;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import dev.weft.model.http.Backends;
import dev.weft.model.http.Harness;
import dev.weft.model.http.LocalServer;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * llama.cpp's native {@code /completion} against bodies in the layouts of its server README:
 * the current {@code completion_probabilities} ({@code token}, {@code bytes}, {@code logprob},
 * {@code top_logprobs}), the {@code post_sampling_probs} variant ({@code prob}, {@code top_probs}),
 * the older one ({@code content}, {@code probs[{tok_str, prob}]}, {@code stopped_limit}), and the
 * SSE stream whose last event (on older servers) repeats every token's probabilities.
 */
class LlamaCppTest {
    private final LocalServer server = LocalServer.start();
    private final Harness h = new Harness();

    @AfterEach
    void stop() {
        server.close();
    }

    private LanguageModel open(boolean streamed) {
        return Backends.open(Harness.spec(ApiKind.LLAMACPP, server.base(""), ServerDialect.GENERIC, streamed),
                h.settings());
    }

    private Completion once(String recorded, boolean streamed) throws Exception {
        server.enqueue(streamed ? Harness.replay(recorded) : LocalServer.Reply.ok(Harness.recorded(recorded)));
        try (LanguageModel m = open(streamed)) {
            return m.generate(Prompt.of("The capital of France is"), SamplingParams.DEFAULTS.withTopLogprobs(2)).get(0);
        }
    }

    @Test
    void currentLayout() throws Exception {
        Completion c = once("llamacpp/completion-new.json", false);
        assertEquals(List.of(" Paris|-0.05| Paris:-0.05, Lyon:-3.2", ".|-0.4|.:-0.4,,:-1.3"), Harness.show(c.tokens()));
        assertEquals(FinishReason.STOP, c.finish());
    }

    @Test
    void postSamplingProbabilitiesBecomeLogprobsAndZeroIsDropped() throws Exception {
        Completion c = once("llamacpp/completion-post-sampling.json", false);
        assertEquals(List.of(" Paris|" + Math.log(0.8) + "| Paris:" + Math.log(0.8) + ", Lyon:" + Math.log(0.2)),
                Harness.show(c.tokens()));
        assertEquals(FinishReason.LENGTH, c.finish());
    }

    @Test
    void olderLayout() throws Exception {
        Completion c = once("llamacpp/completion-old.json", false);
        assertEquals(List.of(" Paris|" + Math.log(0.75) + "| Paris:" + Math.log(0.75) + ", Lyon:" + Math.log(0.25)),
                Harness.show(c.tokens()));
        assertEquals(FinishReason.LENGTH, c.finish());
    }

    @Test
    void streamedWithoutDuplicatingTheFinalRecap() throws Exception {
        Completion c = once("llamacpp/completion-stream.sse", true);
        assertEquals(List.of(" Par|-0.25| Par:-0.25, Lyon:-2.0", "is|-0.01|is:-0.01"), Harness.show(c.tokens()));
        assertEquals(" Paris", c.text());
        assertEquals(FinishReason.LENGTH, c.finish());
    }

    @Test
    void sendsEverySamplingFieldBecauseTheServerDefaultsDiffer() throws Exception {
        once("llamacpp/completion-new.json", false);
        JsonNode body = server.lastBody();
        assertEquals("/completion", server.lastPath());
        assertEquals("The capital of France is", body.get("prompt").asText());
        assertEquals("test-model", body.get("model").asText(), "llama.cpp's router mode picks the model by it");
        assertEquals(48, body.get("n_predict").asInt());
        assertEquals(1.0, body.get("temperature").asDouble());
        assertEquals(0, body.get("top_k").asInt(), "0 = off, not llama.cpp's 40");
        assertEquals(1.0, body.get("top_p").asDouble(), "not llama.cpp's 0.95");
        assertEquals(0.0, body.get("min_p").asDouble(), "not llama.cpp's 0.05");
        assertEquals(-1, body.get("seed").asInt());
        assertEquals(2, body.get("n_probs").asInt());
        assertEquals(false, body.get("post_sampling_probs").asBoolean());
        assertEquals(1.0, body.get("repeat_penalty").asDouble());
        assertTrue(body.get("stop").isArray());
    }

    @Test
    void siblingsGoAsParallelRequestsWithSeedsOffsetPerChoice() throws Exception {
        server.respondWith(r -> {
            if (r.path().startsWith("/props")) {
                return LocalServer.Reply.ok("{\"total_slots\":3}");
            }
            long seed = Harness.json(r.body()).get("seed").asLong();
            return LocalServer.Reply.ok("{\"content\":\"s" + seed + "\",\"stop\":true,\"stop_type\":\"eos\","
                    + "\"completion_probabilities\":[{\"token\":\"s" + seed + "\",\"logprob\":-0.5,\"top_logprobs\":[]}]}");
        });
        List<String> sunk = Collections.synchronizedList(new java.util.ArrayList<>());
        try (LanguageModel m = open(false)) {
            List<Completion> out = m.generate(Prompt.of("x"), SamplingParams.DEFAULTS.withN(3).withSeed(7L),
                    (i, t) -> sunk.add(i + "=" + t.text()), Cancellation.NEVER);
            assertEquals(List.of("s7", "s8", "s9"), out.stream().map(Completion::text).toList());
        }
        assertEquals(4, server.requests().size(), "the server's slots asked once, then one request per sibling");
        assertTrue(server.requests().get(0).path().startsWith("/props"));
        Set<String> sorted = new TreeSet<>(sunk);
        assertEquals(Set.of("0=s7", "1=s8", "2=s9"), sorted);
        server.requests().subList(1, 4).forEach(r -> assertTrue(!Harness.json(r.body()).has("n")));
    }
}
