package dev.weft.cli;

import java.util.Locale;

/** Probabilities as short percentages with about two significant digits: 62%, 4.2%, 0.42%, 0.004%. */
final class Percent {
    private Percent() {}

    static String of(double p) {
        if (Double.isNaN(p)) {
            return "–";
        }
        double percent = 100 * p;
        if (percent >= 9.95) {
            return String.format(Locale.ROOT, "%.0f%%", percent);
        }
        if (percent >= 0.995) {
            return String.format(Locale.ROOT, "%.1f%%", percent);
        }
        if (percent >= 0.00995) {
            return String.format(Locale.ROOT, "%.2f%%", percent);
        }
        return percent == 0 ? "0%" : String.format(Locale.ROOT, "%.1g%%", percent); // e.g. 0.004%, 3e-07%
    }

    /** A figure in [0, 1] with two decimals, or – when undefined. */
    static String figure(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.2f", x);
    }
}
