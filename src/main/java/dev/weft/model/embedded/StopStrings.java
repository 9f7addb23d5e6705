package dev.weft.model.embedded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stop strings of a request as UTF-8 bytes. Matching bytes rather than decoded text lets a
 * token that ends inside a character complete a stop string, exactly when the text would.
 */
public final class StopStrings {
    private final List<byte[]> stops = new ArrayList<>();

    /** Empty stop strings are ignored: they would stop before the first token. */
    public StopStrings(List<String> stops) {
        for (String stop : stops) {
            if (!stop.isEmpty()) {
                this.stops.add(stop.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * True when appending {@code added} to the first {@code length} bytes of {@code text} makes
     * a stop string appear, i.e. one occurs that ends inside {@code added}.
     */
    public boolean completedBy(byte[] text, int length, byte[] added) {
        for (byte[] stop : stops) {
            int last = length + added.length - stop.length;
            for (int start = Math.max(0, length - stop.length + 1); start <= last; start++) {
                if (occursAt(stop, start, text, length, added)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code stop} sits at {@code start} of the (never materialised) text + added. */
    private static boolean occursAt(byte[] stop, int start, byte[] text, int length, byte[] added) {
        for (int i = 0; i < stop.length; i++) {
            int at = start + i;
            byte b = at < length ? text[at] : added[at - length];
            if (b != stop[i]) {
                return false;
            }
        }
        return true;
    }
}
