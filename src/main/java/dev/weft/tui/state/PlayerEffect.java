package dev.weft.tui.state;

import java.time.Duration;

/** What the player's update asks the world to do, as data. */
public sealed interface PlayerEffect {

    /** Post {@link PlayerMsg.Tick}{@code (tick)} after {@code delay}. */
    record Wait(long tick, Duration delay) implements PlayerEffect {}

    /** Write a new session holding steps 1..{@code step} (take over), then post {@link PlayerMsg.Forked}. */
    record Fork(int step) implements PlayerEffect {}
}
