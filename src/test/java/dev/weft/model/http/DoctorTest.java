package dev.weft.model.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.config.ApiKind;
import dev.weft.config.BackendSpec;
import dev.weft.config.ServerDialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The doctor's report from probe results: a pure function, so no server is needed, except to check probing itself. */
class DoctorTest {

    private static List<String> lines(BackendSpec.Remote spec, Map<String, ProbeResult> results) {
        return Doctor.report(spec, results).stream().map(l -> l.status() + " " + l.text()).toList();
    }

    private static ProbeResult ok(String json) {
        return new ProbeResult.Answered(200, Harness.json(json), "");
    }

    @Test
    void llamaCppReadyWithItsContextAndSlots() {
        BackendSpec.Remote spec = Harness.spec(ApiKind.LLAMACPP, "http://127.0.0.1:8080", ServerDialect.GENERIC);
        assertEquals(List.of(
                "INFO profile test: llamacpp · test-model @ http://127.0.0.1:8080, no key",
                "OK http://127.0.0.1:8080/health: ready",
                "INFO http://127.0.0.1:8080/props: context 4096 tokens, 2 slot(s): siblings run 2 at a time,"
                        + " model ../qwen.gguf, build b4567-abc",
                "INFO assumed: up to 20 alternatives per token; scores text: no; siblings: parallel requests; streaming: yes"),
                lines(spec, Map.of("/health", ok("{\"status\":\"ok\"}"),
                        "/props?model=test-model", ok("{\"default_generation_settings\":{\"n_ctx\":4096},\"total_slots\":2,"
                                + "\"model_path\":\"../qwen.gguf\",\"build_info\":\"b4567-abc\"}"))));
    }

    @Test
    void llamaCppLoadingAndUnreachable() {
        BackendSpec.Remote spec = Harness.spec(ApiKind.LLAMACPP, "http://127.0.0.1:8080", ServerDialect.GENERIC);
        assertEquals("WARN http://127.0.0.1:8080/health: the server is still loading the model (503)",
                lines(spec, Map.of("/health", new ProbeResult.Answered(503, null, "Loading model"))).get(1));
        assertEquals("FAIL llamacpp: cannot connect to …", lines(spec, Map.of("/health",
                new ProbeResult.Unreachable("llamacpp: cannot connect to …"))).get(1));
    }

    @Test
    void aVllmBehindAGenericProfileIsPointedOut() {
        BackendSpec.Remote spec = Harness.spec(ApiKind.OPENAI_COMPLETIONS, "http://gpu:8000/v1", ServerDialect.GENERIC);
        assertEquals(List.of(
                "INFO profile test: openai-completions · test-model @ http://gpu:8000/v1 (server: generic), no key",
                "INFO vLLM serves 'test-model' with max_model_len 8192",
                "OK http://gpu:8000/v1/models lists 1 model(s), including 'test-model'",
                "WARN the server looks like vLLM (owned_by: vllm): add \"server\": \"vllm\" to the profile to send top_k"
                        + " and min_p, sample n siblings in one request and score text",
                "INFO assumed: up to 5 alternatives per token; scores text: no; siblings: parallel requests; streaming: yes"),
                lines(spec, Map.of("/models", ok("{\"object\":\"list\",\"data\":[{\"id\":\"test-model\",\"object\":\"model\","
                        + "\"owned_by\":\"vllm\",\"max_model_len\":8192}]}"))));
    }

    @Test
    void aLlamaCppBehindAGenericProfileIsPointedOut() {
        // tools/server/server.cpp handle_models: data[] entries with "owned_by": "llamacpp"
        BackendSpec.Remote spec = Harness.spec(ApiKind.OPENAI_COMPLETIONS, "http://127.0.0.1:8080/v1", ServerDialect.GENERIC);
        List<String> report = lines(spec, Map.of("/models", ok("{\"models\":[{\"name\":\"test-model\",\"model\":\"test-model\"}],"
                + "\"object\":\"list\",\"data\":[{\"id\":\"test-model\",\"object\":\"model\",\"created\":1733140000,"
                + "\"owned_by\":\"llamacpp\",\"meta\":{\"n_ctx_train\":4096}}]}")));
        assertTrue(report.stream().anyMatch(l -> l.startsWith("WARN the server looks like llama.cpp")
                && l.contains("\"server\": \"llamacpp\"")), report.toString());
    }

    @Test
    void openAiKeyRefusedAndModelMissing() {
        BackendSpec.Remote spec = Harness.spec(ApiKind.OPENAI_CHAT, "https://api.openai.com/v1", ServerDialect.OPENAI);
        assertEquals("FAIL https://api.openai.com/v1/models refused the key (401): Incorrect API key provided",
                lines(spec, Map.of("/models", new ProbeResult.Answered(401, null, "Incorrect API key provided"))).get(1));
        assertEquals("WARN 'test-model' is not among the 2 model(s) at https://api.openai.com/v1/models (gpt-4o, davinci-002)",
                lines(spec, Map.of("/models", ok("{\"data\":[{\"id\":\"gpt-4o\"},{\"id\":\"davinci-002\"}]}"))).get(1));
    }

    @Test
    void ollamaTooOldForLogprobs() {
        BackendSpec.Remote spec = Harness.spec(ApiKind.OLLAMA, "http://127.0.0.1:11434", ServerDialect.GENERIC);
        List<String> report = lines(spec, Map.of("/api/version", ok("{\"version\":\"0.12.3\"}"),
                "/api/tags", ok("{\"models\":[{\"name\":\"test-model:latest\"}]}")));
        assertEquals("WARN Ollama 0.12.3 sends no logprobs (they came in 0.12.11): tokens will be unscored", report.get(1));
        assertEquals("OK http://127.0.0.1:11434/api/tags lists 1 model(s), including 'test-model'", report.get(2));
        assertEquals("OK Ollama 0.13.0 at http://127.0.0.1:11434", lines(spec, Map.of("/api/version",
                ok("{\"version\":\"0.13.0\"}"))).get(1));
    }

    @Test
    void probesTheRealEndpoints() {
        try (LocalServer server = LocalServer.start()) {
            server.enqueueJson(200, "{\"status\":\"ok\"}").enqueueJson(404, "{\"error\":\"not found\"}");
            BackendSpec.Remote spec = Harness.spec(ApiKind.LLAMACPP, server.base(""), ServerDialect.GENERIC);
            Map<String, ProbeResult> results = Doctor.probe(spec, new Harness().settings());
            assertEquals(new ProbeResult.Answered(200, Harness.json("{\"status\":\"ok\"}"), ""), results.get("/health"));
            assertEquals(new ProbeResult.Answered(404, Harness.json("{\"error\":\"not found\"}"), "not found"),
                    results.get("/props?model=test-model"));
            // llama.cpp's router mode answers /props for the model in the query (its README, "Using multiple models")
            assertEquals(List.of("/health", "/props?model=test-model"), server.requests().stream().map(LocalServer.Recorded::path).toList());
        }
    }
}
