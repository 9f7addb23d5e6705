package dev.weft.model.http;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Everything about talking to servers that is not the server itself. Tests swap the sleeper and
 * clock so retries take no time.
 *
 * @param readTimeout longest silence while waiting for a response or the next streamed token
 * @param maxParallel most requests in flight when {@code n} siblings are sampled one request each
 * @param notices     one-line notices for the user (top-k capped, stream cut, no logprobs)
 * @param debug       request and response traces for {@code --debug}; keys never reach it
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, RetryPolicy retry, Sleeper sleeper,
                           Clock clock, int maxParallel, Notices notices, Consumer<String> debug) {
    public static final HttpSettings DEFAULTS = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(120),
            RetryPolicy.DEFAULT, Sleeper.REAL, Clock.systemUTC(), 4, Notices.IGNORE, line -> {});

    public HttpSettings {
        if (maxParallel < 1) {
            throw new IllegalArgumentException("maxParallel must be >= 1, got " + maxParallel);
        }
    }

    public HttpSettings withRetry(RetryPolicy r, Sleeper s, Clock c) {
        return new HttpSettings(connectTimeout, readTimeout, r, s, c, maxParallel, notices, debug);
    }

    public HttpSettings withTimeouts(Duration connect, Duration read) {
        return new HttpSettings(connect, read, retry, sleeper, clock, maxParallel, notices, debug);
    }

    public HttpSettings withMaxParallel(int m) {
        return new HttpSettings(connectTimeout, readTimeout, retry, sleeper, clock, m, notices, debug);
    }

    public HttpSettings withNotices(Notices n) {
        return new HttpSettings(connectTimeout, readTimeout, retry, sleeper, clock, maxParallel, n, debug);
    }

    public HttpSettings withDebug(Consumer<String> d) {
        return new HttpSettings(connectTimeout, readTimeout, retry, sleeper, clock, maxParallel, notices, d);
    }
}
