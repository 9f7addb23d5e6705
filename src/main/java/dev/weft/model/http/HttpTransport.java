package dev.weft.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.config.ApiKey;
import dev.weft.config.Urls;
import dev.weft.model.Cancellation;
import dev.weft.model.ModelException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * One server's HTTP endpoint: JSON requests with the key attached, retries the server asked for,
 * cancellation that aborts the call, and every failure turned into a one-line {@link ModelException}.
 */
public final class HttpTransport implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final long CANCEL_POLL_MILLIS = 50;
    private static final long MAX_ERROR_BODY = 64 * 1024;

    private final String backend;
    private final String baseUrl;
    private final ApiKey key;
    private final HttpSettings settings;
    private final OkHttpClient client;
    private final HttpFailures failures;
    private final ScheduledExecutorService cancelWatch;
    private final boolean ownsClient;

    /** Reads a successful response; the call is still live, so cancellation can abort the read. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(ResponseBody body, String url) throws ModelException;
    }

    /** Receives each line of a streamed body; returns false to stop reading. */
    @FunctionalInterface
    public interface LineHandler {
        boolean accept(String line);
    }

    public HttpTransport(String backend, String model, String baseUrl, ApiKey key, HttpSettings settings) {
        this(backend, model, baseUrl, key, settings, new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .retryOnConnectionFailure(false)
                .build(), true);
    }

    /** With a client the caller owns (and closes), e.g. one with a test DNS. */
    public HttpTransport(String backend, String model, String baseUrl, ApiKey key, HttpSettings settings,
                         OkHttpClient client) {
        this(backend, model, baseUrl, key, settings, client, false);
    }

    private HttpTransport(String backend, String model, String baseUrl, ApiKey key, HttpSettings settings,
                          OkHttpClient client, boolean ownsClient) {
        this.ownsClient = ownsClient;
        this.backend = backend;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.key = key;
        this.settings = settings;
        this.client = client;
        this.failures = new HttpFailures(backend, model, key, settings.readTimeout());
        this.cancelWatch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weft-" + backend + "-cancel-watch");
            t.setDaemon(true);
            return t;
        });
    }

    public String backend() {
        return backend;
    }

    /** The full URL of {@code path}, without credentials, as messages show it. */
    public String displayUrl(String path) {
        return Urls.display(baseUrl + path);
    }

    /** {@code text} with the key blanked out: server text can quote it, and none of it may leave unscrubbed. */
    public String redact(String text) {
        return failures.scrub(text);
    }

    /** POSTs {@code body} and parses the whole response as JSON. */
    public JsonNode postJson(String path, JsonNode body, Cancellation cancel) throws ModelException {
        return exchange(path, body, cancel, (responseBody, url) -> {
            String text;
            try {
                text = responseBody.string();
            } catch (IOException e) {
                if (cancel.isCancelled()) {
                    throw failures.cancelled(url);
                }
                throw failures.unreadable(url, "the body was cut off (" + e.getMessage() + ")");
            }
            try {
                return Json.read(text);
            } catch (Json.MalformedJson e) {
                throw failures.unreadable(url, e.getMessage());
            }
        });
    }

    /** GETs {@code path} and parses the response as JSON. */
    public JsonNode getJson(String path) throws ModelException {
        return exchange(path, null, Cancellation.NEVER, (responseBody, url) -> {
            try {
                return Json.read(responseBody.string());
            } catch (IOException e) {
                throw failures.unreadable(url, "the body was cut off (" + e.getMessage() + ")");
            } catch (Json.MalformedJson e) {
                throw failures.unreadable(url, e.getMessage());
            }
        });
    }

    /**
     * POSTs {@code body} and hands each line of the streamed response to {@code lines} as it
     * arrives. Failures before the body starts throw; once it has started, the outcome says how
     * it ended, so the caller keeps the tokens that arrived.
     */
    public StreamOutcome postStream(String path, JsonNode body, Cancellation cancel, LineHandler lines)
            throws ModelException {
        return exchange(path, body, cancel, (responseBody, url) -> {
            BufferedSource source = responseBody.source();
            try {
                String line;
                while ((line = source.readUtf8Line()) != null) {
                    if (cancel.isCancelled()) {
                        return new StreamOutcome.Cancelled();
                    }
                    if (!lines.accept(line)) {
                        return new StreamOutcome.Finished();
                    }
                }
                return cancel.isCancelled() ? new StreamOutcome.Cancelled() : new StreamOutcome.Finished();
            } catch (IOException e) {
                if (cancel.isCancelled()) {
                    return new StreamOutcome.Cancelled();
                }
                return new StreamOutcome.Broken("the stream from " + url + " broke off ("
                        + failures.scrub(String.valueOf(e.getMessage())) + ")");
            }
        });
    }

    /** One GET, no retries, never throwing: what the doctor needs to say what works. */
    public ProbeResult probe(String path) {
        String url = displayUrl(path);
        settings.debug().accept("→ GET " + url);
        try (Response response = client.newCall(request(baseUrl + path, null)).execute()) {
            settings.debug().accept("← " + response.code() + " " + url);
            String text = response.peekBody(MAX_ERROR_BODY).string();
            JsonNode json = Json.readOrNull(text);
            return new ProbeResult.Answered(response.code(), json,
                    response.isSuccessful() ? "" : failures.scrub(ErrorBody.parse(text).message()));
        } catch (IOException e) {
            return new ProbeResult.Unreachable(failures.io(e, url).getMessage());
        }
    }

    private <T> T exchange(String path, JsonNode body, Cancellation cancel, BodyReader<T> reader)
            throws ModelException {
        String url = displayUrl(path);
        Request request = request(baseUrl + path, body);
        RetryPolicy policy = settings.retry();
        for (int attempt = 1; ; attempt++) {
            if (cancel.isCancelled()) {
                throw failures.cancelled(url);
            }
            settings.debug().accept("→ " + request.method() + " " + url + (body == null ? "" : " " + body));
            Call call = client.newCall(request);
            ScheduledFuture<?> watch = watch(call, cancel);
            Duration wait;
            try (Response response = call.execute()) {
                settings.debug().accept("← " + response.code() + " " + url);
                if (response.isSuccessful()) {
                    return reader.read(response.body(), url);
                }
                ErrorBody error = ErrorBody.parse(errorText(response));
                int status = response.code();
                if (!RetryPolicy.isRetryable(status) || error.quotaExhausted() || attempt >= policy.attempts()) {
                    throw failures.status(status, error, url, attempt);
                }
                Optional<Duration> asked = RetryAfter.parse(response.header("retry-after-ms"),
                        response.header("Retry-After"), settings.clock());
                wait = asked.orElse(policy.backoff(attempt));
                if (wait.compareTo(policy.maxDelay()) > 0) {
                    throw failures.waitTooLong(status, wait, error, url);
                }
                settings.debug().accept("  retrying " + url + " in " + wait.toMillis() + " ms (attempt " + attempt
                        + " answered " + status + ")");
            } catch (IOException e) {
                if (cancel.isCancelled()) {
                    throw failures.cancelled(url);
                }
                throw failures.io(e, url);
            } finally {
                if (watch != null) {
                    watch.cancel(false);
                }
            }
            try {
                settings.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failures.cancelled(url);
            }
        }
    }

    private Request request(String url, JsonNode body) {
        Request.Builder b = new Request.Builder().url(url).header("Accept", "application/json, text/event-stream");
        if (key.isPresent()) {
            b.header("Authorization", "Bearer " + key.reveal());
        }
        return body == null ? b.get().build() : b.post(RequestBody.create(body.toString(), JSON)).build();
    }

    /** Polls the user's cancellation and aborts the call, so a silent server cannot hold a cancel hostage. */
    private ScheduledFuture<?> watch(Call call, Cancellation cancel) {
        if (cancel == Cancellation.NEVER) {
            return null;
        }
        return cancelWatch.scheduleAtFixedRate(() -> {
            if (cancel.isCancelled()) {
                call.cancel();
            }
        }, CANCEL_POLL_MILLIS, CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static String errorText(Response response) {
        try {
            return response.peekBody(MAX_ERROR_BODY).string();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        cancelWatch.shutdownNow();
        if (ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "HttpTransport[" + backend + " @ " + Urls.display(baseUrl) + ", key " + key + "]";
    }
}
