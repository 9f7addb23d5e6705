package dev.weft.tui.layout;

import java.util.Locale;

/** Numbers as the status bar and messages write them. */
public final class Numbers {
    private Numbers() {}

    /** 0% to 100% made once: the tree view writes one on every row of every frame. */
    private static final String[] WHOLE_PERCENTS = new String[101];

    static {
        for (int i = 0; i <= 100; i++) {
            String digits = Integer.toString(i);
            WHOLE_PERCENTS[i] = " ".repeat(3 - digits.length()) + digits + "%";
        }
    }

    /** 1, 0.7, 0.95: at most two decimals, no trailing zeros. */
    public static String number(double x) {
        String s = String.format(Locale.ROOT, "%.2f", x);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** A probability as a percentage with one decimal: 41.2%. */
    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    /** A probability as a whole percentage right-aligned in four columns: " 62%" (cheap: one per tree row). */
    public static String wholePercent(double p) {
        long whole = Math.round(100 * p);
        if (whole >= 0 && whole <= 100) {
            return WHOLE_PERCENTS[(int) whole];
        }
        String digits = Long.toString(whole);
        return " ".repeat(Math.max(0, 3 - digits.length())) + digits + "%";
    }

    /** A logprob with two decimals: -0.89. */
    public static String logprob(double lp) {
        return String.format(Locale.ROOT, "%.2f", lp);
    }

    /** A probability with about two significant digits, as {@code weft dist} prints it: 62%, 4.2%, 0.42%, 4e-05%. */
    public static String shortPercent(double p) {
        return dev.weft.analysis.ShortPercent.of(p);
    }
}
