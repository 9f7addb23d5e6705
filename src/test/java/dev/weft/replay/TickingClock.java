package dev.weft.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock for scripted sessions: each reading is {@code tick} after the last, as if a person were at work. */
public final class TickingClock extends Clock {
    private final Duration tick;
    private Instant next;

    public TickingClock(Instant start, Duration tick) {
        this.next = start;
        this.tick = tick;
    }

    @Override
    public synchronized Instant instant() {
        Instant now = next;
        next = next.plus(tick);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a ticking clock is UTC only");
    }
}
