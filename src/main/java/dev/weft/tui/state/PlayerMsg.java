package dev.weft.tui.state;

import dev.weft.tui.keys.KeySpec;
import java.nio.file.Path;

/** Everything that can happen to the replay player, as data. */
public sealed interface PlayerMsg {

    record Key(KeySpec key) implements PlayerMsg {}

    record Resized(Size size) implements PlayerMsg {}

    /** The wait before the next step of play {@code tick} is over; a tick of another number is stale. */
    record Tick(long tick) implements PlayerMsg {}

    /** The session taken over was written; the loom opens on it. */
    record Forked(Path file) implements PlayerMsg {}

    record ForkFailed(String reason) implements PlayerMsg {}
}
