package dev.weft.tui.state;

import java.time.Duration;
import java.util.Locale;

/**
 * How fast the replay player plays: a factor on the recorded pace. A long pause in the recording
 * (the user reading, or thinking) plays at most {@link #LONGEST_PAUSE} long at 1×, so watching
 * a session takes about as long as the actions in it, not the coffee breaks between them.
 *
 * @param index into the ladder of factors, ×0.25 to ×64
 */
public record Speed(int index) {
    private static final double[] FACTORS = {0.25, 0.5, 1, 2, 4, 8, 16, 64};
    public static final Speed NORMAL = new Speed(2);
    public static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    public Speed {
        index = Math.max(0, Math.min(FACTORS.length - 1, index));
    }

    public double factor() {
        return FACTORS[index];
    }

    public Speed faster() {
        return new Speed(index + 1);
    }

    public Speed slower() {
        return new Speed(index - 1);
    }

    /** How long to wait before a step that came {@code recorded} after the one before it. */
    public Duration delay(Duration recorded) {
        Duration pause = recorded.isNegative() ? Duration.ZERO
                : recorded.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : recorded;
        return Duration.ofNanos((long) (pause.toNanos() / factor()));
    }

    public String label() {
        double f = factor();
        return "×" + (f == Math.rint(f) ? Long.toString((long) f) : String.format(Locale.ROOT, "%s", f));
    }
}
