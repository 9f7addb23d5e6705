package dev.weft.analysis;

import java.util.Locale;

/**
 * A probability with about two significant digits, as the loom's dist view and the exported
 * analyses show it: 62%, 4.2%, 0.42%, 4e-05%.
 */
public final class ShortPercent {
    private ShortPercent() {}

    public static String of(double p) {
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
        return percent == 0 ? "0%" : String.format(Locale.ROOT, "%.0e%%", percent);
    }
}
