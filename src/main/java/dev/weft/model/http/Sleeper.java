package dev.weft.model.http;

import java.time.Duration;

/** Waits between retries; tests pass a recording sleeper so they never sleep for real. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
