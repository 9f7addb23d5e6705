package dev.weft.model.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.config.ApiKey;
import dev.weft.config.ApiKind;
import dev.weft.config.BackendSpec;
import dev.weft.config.ServerDialect;
import dev.weft.loom.FinishReason;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.model.http.openai.OpenAiCompletionsProtocol;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every failure a user can meet gives one line naming the backend and URL, and retries only where it helps. */
class FailuresTest {
    private static final String OK = """
            {"choices":[{"index":0,"text":" ok","finish_reason":"stop","logprobs":{"tokens":[" ok"],"token_logprobs":[-0.1],"top_logprobs":[{" ok":-0.1}]}}]}""";

    private final LocalServer server = LocalServer.start();
    private final Harness h = new Harness();

    @AfterEach
    void stop() {
        server.close();
    }

    private String url() {
        return server.base("/v1") + "/completions";
    }

    private LanguageModel open(boolean streamed) {
        return open(Harness.spec(ApiKind.OPENAI_COMPLETIONS, server.base("/v1"), ServerDialect.GENERIC, streamed), h.settings());
    }

    private static LanguageModel open(BackendSpec.Remote spec, HttpSettings settings) {
        return Backends.open(spec, settings);
    }

    private String failure(LanguageModel m) {
        try (m) {
            return assertThrows(ModelException.class, () -> m.generate(Prompt.of("x"), SamplingParams.DEFAULTS)).getMessage();
        }
    }

    @Test
    void refusedConnection() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port + "/v1";
        assertEquals("openai-completions: cannot connect to " + base + "/completions (connection refused)"
                + " — is the server running?", failure(open(Harness.spec(ApiKind.OPENAI_COMPLETIONS, base,
                ServerDialect.GENERIC, false), h.settings())));
    }

    @Test
    void dnsFailure() {
        OkHttpClient client = new OkHttpClient.Builder().dns(host -> {
            throw new UnknownHostException(host);
        }).build();
        HttpSettings settings = h.settings();
        HttpTransport transport = new HttpTransport("openai-completions", "m", "http://no-such-host.invalid/v1",
                ApiKey.none(), settings, client);
        OpenAiCompletionsProtocol protocol = new OpenAiCompletionsProtocol(ServerDialect.GENERIC);
        HttpModel m = new HttpModel("openai-completions", "m",
                Backends.declared(ApiKind.OPENAI_COMPLETIONS, ServerDialect.GENERIC), protocol, protocol, transport,
                Json.object(), settings);
        assertEquals("openai-completions: cannot resolve host no-such-host.invalid"
                + " (http://no-such-host.invalid/v1/completions)", failure(m));
    }

    @Test
    void timeout() {
        server.enqueue(LocalServer.Reply.ok(OK).stalled(1500));
        HttpSettings quick = h.settings().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));
        assertEquals("openai-completions: " + url() + " did not answer within 300 ms (timeout)",
                failure(open(Harness.spec(ApiKind.OPENAI_COMPLETIONS, server.base("/v1"), ServerDialect.GENERIC, false), quick)));
    }

    @Test
    void unauthorisedWithoutAKey() {
        server.enqueueJson(401, "{\"error\":{\"message\":\"You didn't provide an API key.\",\"type\":\"invalid_request_error\"}}");
        assertEquals("openai-completions: " + url() + " refused the API key (401) — no key was sent; name its"
                + " environment variable with --api-key-env or api_key_env: You didn't provide an API key.", failure(open(false)));
    }

    @Test
    void modelNotFound() {
        server.enqueueJson(404, "{\"error\":{\"message\":\"The model `test-model` does not exist\",\"code\":\"model_not_found\"}}");
        assertEquals("openai-completions: " + url() + " answered 404: model 'test-model' or the endpoint is not there:"
                + " The model `test-model` does not exist", failure(open(false)));
    }

    @Test
    void badRequestShowsTheServersMessage() {
        server.enqueueJson(400, "{\"object\":\"error\",\"message\":\"This model's maximum context length is 2048 tokens.\\n"
                + "However, you requested 4000.\",\"type\":\"BadRequestError\",\"code\":400}");
        assertEquals("openai-completions: " + url() + " refused the request (400): This model's maximum context length"
                + " is 2048 tokens. However, you requested 4000.", failure(open(false)));
        assertEquals(1, server.requests().size(), "a 400 is not retried");
    }

    @Test
    void retriesAfterTheSecondsTheServerAsks() throws Exception {
        server.enqueue(LocalServer.Reply.json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}")
                .withHeader("Retry-After", "2"), LocalServer.Reply.ok(OK));
        try (LanguageModel m = open(false)) {
            assertEquals(" ok", m.generate(Prompt.of("x"), SamplingParams.DEFAULTS).get(0).text());
        }
        assertEquals(List.of(Duration.ofSeconds(2)), h.sleeps);
        assertEquals(2, server.requests().size());
    }

    @Test
    void retryAfterAsAnHttpDateAndInMilliseconds() throws Exception {
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(Harness.NOW.plusSeconds(3).atZone(ZoneOffset.UTC));
        server.enqueue(LocalServer.Reply.json(503, "{}").withHeader("Retry-After", inThreeSeconds),
                LocalServer.Reply.json(408, "{}").withHeader("retry-after-ms", "1500"),
                LocalServer.Reply.json(409, "{}"),
                LocalServer.Reply.ok(OK));
        try (LanguageModel m = open(false)) {
            m.generate(Prompt.of("x"), SamplingParams.DEFAULTS);
        }
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofMillis(1500), Duration.ofSeconds(2)), h.sleeps,
                "the third wait is the backoff for attempt 3: 500 ms doubled twice");
    }

    @Test
    void serverErrorsBackOffExponentiallyThenFail() {
        server.respondWith(r -> LocalServer.Reply.json(503, "{\"error\":\"Loading model\"}"));
        assertEquals("openai-completions: " + url() + " answered 503 after 4 attempts: Loading model", failure(open(false)));
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)), h.sleeps);
        assertEquals(4, server.requests().size());
    }

    @Test
    void exhaustedQuotaIsNeverRetried() {
        server.enqueueJson(429, "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan"
                + " and billing details.\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}");
        assertEquals("openai-completions: quota exhausted at " + url() + " (429, not retried): You exceeded your"
                + " current quota, please check your plan and billing details.", failure(open(false)));
        assertEquals(List.of(), h.sleeps);
        assertEquals(1, server.requests().size());
    }

    @Test
    void aWaitLongerThanTheLimitIsNotWaitedFor() {
        server.enqueue(LocalServer.Reply.json(429, "{}").withHeader("Retry-After", "120"));
        assertEquals("openai-completions: " + url() + " answered 429 and asks to wait 120 s; not waiting", failure(open(false)));
        assertEquals(List.of(), h.sleeps);
    }

    @Test
    void malformedJson() {
        server.enqueueJson(200, "{\"choices\": [");
        String message = failure(open(false));
        assertTrue(message.startsWith("openai-completions: unreadable response from " + url() + ": Unexpected end-of-input"),
                message);
        assertEquals(1, message.lines().count());
    }

    @Test
    void truncatedBody() {
        server.enqueue(LocalServer.Reply.ok(OK.substring(0, 40)).cutOff());
        String message = failure(open(false));
        assertTrue(message.startsWith("openai-completions: unreadable response from " + url() + ": the body was cut off"),
                message);
    }

    @Test
    void emptyChoices() {
        server.enqueueJson(200, "{\"id\":\"cmpl-1\",\"choices\":[]}");
        assertEquals("openai-completions: response from " + url() + " has no choices", failure(open(false)));
    }

    @Test
    void aStreamCutMidwayKeepsWhatArrived() throws Exception {
        server.enqueue(LocalServer.Reply.stream("text/event-stream", List.of(
                "data: {\"choices\":[{\"index\":0,\"text\":\" one\",\"logprobs\":{\"tokens\":[\" one\"],\"token_logprobs\":[-0.2],\"top_logprobs\":[{}]},\"finish_reason\":null}]}\n\n",
                "data: {\"choices\":[{\"index\":0,\"text\":\" two\",\"logpr")).cutOff());
        try (LanguageModel m = open(true)) {
            Completion c = m.generate(Prompt.of("x"), SamplingParams.DEFAULTS).get(0);
            assertEquals(" one", c.text());
            assertEquals(FinishReason.CUT, c.finish());
        }
        assertEquals(1, h.notices.size());
        assertTrue(h.notices.get(0).startsWith("openai-completions: the stream from " + url() + " broke off ("), h.notices.get(0));
        assertTrue(h.notices.get(0).endsWith("; kept 1 token"), h.notices.get(0));
    }

    @Test
    void aStreamThatEndsWithoutItsEndMarkerIsCut() throws Exception {
        server.enqueue(LocalServer.Reply.sse(
                "{\"choices\":[{\"index\":0,\"text\":\" one\",\"logprobs\":null,\"finish_reason\":null}]}"));
        try (LanguageModel m = open(true)) {
            Completion c = m.generate(Prompt.of("x"), SamplingParams.DEFAULTS).get(0);
            assertEquals(FinishReason.CUT, c.finish());
        }
        assertTrue(h.notices.contains("openai-completions: the stream from " + url()
                + " ended before the server said it was done; kept 1 token"), h.notices.toString());
    }

    @Test
    void aStreamCutBeforeAnyTokenFails() {
        server.enqueue(LocalServer.Reply.stream("text/event-stream", List.of("data: {\"choi")).cutOff());
        assertTrue(failure(open(true)).startsWith("openai-completions: the stream from " + url() + " broke off"));
    }

    @Test
    void cancellingKeepsWhatArrivedAndMarksItCut() throws Exception {
        String event = "{\"choices\":[{\"index\":0,\"text\":\" t\",\"logprobs\":{\"tokens\":[\" t\"],\"token_logprobs\":[-0.5],\"top_logprobs\":[{}]},\"finish_reason\":null}]}";
        server.enqueue(LocalServer.Reply.sse(event, event, event, event, event, "[DONE]").paced(300));
        AtomicBoolean cancelled = new AtomicBoolean();
        try (LanguageModel m = open(true)) {
            long start = System.nanoTime();
            Completion c = m.generate(Prompt.of("x"), SamplingParams.DEFAULTS, (i, t) -> cancelled.set(true),
                    cancelled::get).get(0);
            assertEquals(" t", c.text(), "the first token arrived before the cancel");
            assertEquals(FinishReason.CUT, c.finish());
            assertTrue(System.nanoTime() - start < Duration.ofMillis(1200).toNanos(), "cancel does not wait for the stream");
        }
        assertEquals(List.of(), h.notices, "a cancel is the user's doing: nothing to report");
    }
}
