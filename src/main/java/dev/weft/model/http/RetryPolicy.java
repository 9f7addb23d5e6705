package dev.weft.model.http;

import java.time.Duration;

/**
 * How often and how long to retry a request the server asked us to repeat (408, 409, 429, 5xx).
 * Without a {@code Retry-After} the wait doubles from {@code firstDelay} up to {@code maxDelay};
 * a server that asks for more than {@code maxDelay} is not waited for.
 *
 * @param attempts total tries, including the first
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30));
    public static final RetryPolicy NEVER = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (attempts < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("retry policy needs attempts >= 1 and 0 <= firstDelay <= maxDelay");
        }
    }

    /** The wait before try number {@code attempt + 1} (attempt counts from 1) when the server gave no hint. */
    public Duration backoff(int attempt) {
        long millis = firstDelay.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }

    public static boolean isRetryable(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }
}
