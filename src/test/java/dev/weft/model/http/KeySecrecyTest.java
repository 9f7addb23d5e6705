package dev.weft.model.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.config.ApiKey;
import dev.weft.config.ApiKind;
import dev.weft.config.BackendSpec;
import dev.weft.config.ServerDialect;
import dev.weft.loom.SamplingParams;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The key goes to the server in the Authorization header and nowhere else: not in messages, notices, debug or toString. */
class KeySecrecyTest {
    private static final String KEY = "sk-proj-SECRET-0123456789abcdef";

    private final LocalServer server = LocalServer.start();
    private final Harness h = new Harness();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theKeyReachesOnlyTheAuthorizationHeader() throws Exception {
        BackendSpec.Remote spec = Harness.spec(ApiKind.OPENAI_COMPLETIONS, server.base("/v1"), ServerDialect.OPENAI,
                ApiKey.of(KEY, "$OPENAI_API_KEY"));
        // OpenAI's 401 quotes the key it was given; a proxy might echo it in full.
        server.enqueueJson(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                + ". You can find your API key at https://platform.openai.com/account/api-keys.\"}}");
        server.enqueue(LocalServer.Reply.sse(
                "{\"choices\":[{\"index\":0,\"text\":\" a\",\"logprobs\":null,\"finish_reason\":null}]}",
                "{\"error\":{\"message\":\"key " + KEY + " revoked mid-stream\"}}"));
        List<String> seen = new ArrayList<>();
        try (LanguageModel m = Backends.open(spec, h.settings())) {
            ModelException e = assertThrows(ModelException.class, () -> m.generate(Prompt.of("x"), SamplingParams.DEFAULTS));
            assertEquals("openai-completions: " + server.base("/v1") + "/completions refused the API key (401) (key from"
                    + " $OPENAI_API_KEY): Incorrect API key provided: [redacted key]. You can find your API key at"
                    + " https://platform.openai.com/account/api-keys.", e.getMessage());
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            seen.add(trace.toString());
            seen.add(m.toString());
            m.generate(Prompt.of("x"), SamplingParams.DEFAULTS);
        }
        seen.add(spec.toString());
        seen.add(spec.apiKey().toString());
        seen.addAll(h.notices);
        seen.addAll(h.debug);
        assertFalse(h.debug.isEmpty(), "debug output was produced");
        assertTrue(h.notices.stream().anyMatch(n -> n.contains("[redacted key]")), h.notices.toString());
        for (String s : seen) {
            assertFalse(s.contains(KEY), "key leaked into: " + s);
        }
        assertEquals("Bearer " + KEY, server.requests().get(0).header("Authorization"));
        assertFalse(server.requests().get(0).body().contains(KEY));
    }

    @Test
    void credentialsInTheBaseUrlStayOutOfMessages() {
        BackendSpec.Remote spec = Harness.spec(ApiKind.LLAMACPP, "http://user:" + KEY + "@127.0.0.1:1/x?token=" + KEY,
                ServerDialect.GENERIC);
        try (LanguageModel m = Backends.open(spec, h.settings())) {
            ModelException e = assertThrows(ModelException.class, () -> m.generate(Prompt.of("x"), SamplingParams.DEFAULTS));
            assertFalse(e.getMessage().contains(KEY), e.getMessage());
            assertFalse(spec.describe().contains(KEY), spec.describe());
            assertFalse(m.toString().contains(KEY), m.toString());
        }
    }
}
