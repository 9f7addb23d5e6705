package dev.weft.model.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.config.ApiKind;
import dev.weft.config.BackendSpec;
import dev.weft.config.ServerDialect;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Cancellation;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Siblings go to a llama.cpp server as many at a time as it has slots: its {@code GET /props}
 * says {@code total_slots} (ggml-org/llama.cpp tools/server/server-context.cpp, the props
 * handler: {@code {"default_generation_settings": …, "total_slots": params.n_parallel, …}}),
 * asked once; a profile's {@code "parallel"} overrides it; a server that does not say gets 4.
 */
class ServerSlotsTest {
    /** A /props body shaped as llama.cpp emits it (abridged: the fields weft does not read left out). */
    private static final String PROPS = "{\"default_generation_settings\":{\"params\":{\"n_predict\":-1,\"seed\":4294967295,"
            + "\"temperature\":0.8},\"n_ctx\":4096},\"total_slots\":%d,\"model_alias\":\"smollm\","
            + "\"model_path\":\"/models/smollm.gguf\",\"modalities\":{\"vision\":false,\"audio\":false},"
            + "\"endpoint_slots\":true,\"endpoint_props\":false,\"endpoint_metrics\":false,\"build_info\":\"b6000\"}";

    private final LocalServer server = LocalServer.start();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void asManyRequestsAtOnceAsTheServerHasSlots() throws Exception {
        serve(3);
        assertEquals(3, mostAtOnce(spec(null), 8));
        assertEquals(1, props(), "the server is asked once");
        assertTrue(notices.stream().anyMatch(n -> n.contains("3 requests at a time")), notices.toString());
        assertEquals(3, ServerSlots.totalSlots(new ObjectMapper().readTree(String.format(PROPS, 3))));
    }

    @Test
    void theProfilesParallelOverridesTheServer() throws Exception {
        serve(8);
        assertEquals(2, mostAtOnce(spec(2), 6));
        assertEquals(0, props(), "nothing asked when the profile says");
    }

    @Test
    void aServerThatDoesNotSayGetsTheDefault() throws Exception {
        serve(-1); // /props answers 404
        assertEquals(HttpSettings.DEFAULTS.maxParallel(), mostAtOnce(spec(null), 8));
        assertEquals(0, ServerSlots.totalSlots(new ObjectMapper().readTree("{\"total_slots\":\"8\"}")));
        assertEquals(0, ServerSlots.totalSlots(new ObjectMapper().readTree("{}")));
    }

    private BackendSpec.Remote spec(Integer parallel) {
        BackendSpec.Remote s = Harness.spec(ApiKind.LLAMACPP, server.base(""), ServerDialect.GENERIC, false);
        return new BackendSpec.Remote(s.profile(), s.api(), s.baseUrl(), s.model(), s.dialect(), s.apiKey(), s.extra(),
                s.capabilities(), parallel);
    }

    /** Each completion holds its slot a while, so the requests in flight at once can be counted. */
    private void serve(int slots) {
        server.respondWith(r -> {
            if (r.path().startsWith("/props")) {
                return slots < 0 ? LocalServer.Reply.json(404, "{\"error\":{\"code\":404,\"message\":\"File Not Found\"}}")
                        : LocalServer.Reply.ok(String.format(PROPS, slots));
            }
            int now = inFlight.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return LocalServer.Reply.ok("{\"content\":\"a\",\"stop\":true,\"stop_type\":\"eos\","
                    + "\"completion_probabilities\":[{\"token\":\"a\",\"logprob\":-0.5,\"top_logprobs\":[]}]}");
        });
    }

    private int mostAtOnce(BackendSpec.Remote spec, int n) throws Exception {
        HttpSettings settings = HttpSettings.DEFAULTS.withNotices(notices::add);
        try (LanguageModel m = Backends.open(spec, settings)) {
            assertEquals(n, m.generate(Prompt.of("x"), SamplingParams.DEFAULTS.withN(n).withSeed(1L), (i, t) -> {},
                    Cancellation.NEVER).size());
        }
        return most.get();
    }

    private long props() {
        return server.requests().stream().filter(r -> r.path().startsWith("/props")).count();
    }
}
