package dev.weft.cli;

import dev.weft.analysis.CandidateDistribution;
import dev.weft.analysis.CandidateProbability;
import dev.weft.loom.DisplayText;
import java.util.ArrayList;
import java.util.List;

/**
 * Candidate probabilities as horizontal bars, with eighth blocks for sub-column length. Bars share
 * one scale (the largest probability shown), so two models side by side compare in shape and size.
 * A value that is only a bound says so: ≥ for a lower bound, &lt; for below the top-k, ? for unknown.
 */
final class BarChart {
    private static final String[] LEFT_EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    private static final int VALUE_WIDTH = 7;
    private static final int MAX_LABEL = 16;

    private BarChart() {}

    /** The label column's width for these candidates. */
    static int labelWidth(List<String> candidates) {
        int widest = 1;
        for (String c : candidates) {
            widest = Math.max(widest, TextWidth.of(DisplayText.token(c)));
        }
        return Math.min(MAX_LABEL, widest);
    }

    /** The largest known probability among the distributions: the length of a full bar. */
    static double scale(List<CandidateDistribution> distributions) {
        double max = 0;
        for (CandidateDistribution d : distributions) {
            max = Math.max(max, d.top().probability());
        }
        return max;
    }

    static String label(String candidate, int width) {
        String shown = TextWidth.fit(DisplayText.token(candidate), width);
        return " ".repeat(width - TextWidth.of(shown)) + shown;
    }

    /** One bar and its value, exactly {@code width} columns wide. */
    static String bar(CandidateProbability c, double scale, int width, AnsiSpectrum spectrum) {
        int barWidth = Math.max(1, width - VALUE_WIDTH - 1);
        int eighths = scale <= 0 ? 0 : (int) Math.round(c.probability() / scale * barWidth * 8);
        String bar = "█".repeat(eighths / 8) + LEFT_EIGHTHS[eighths % 8];
        String painted = spectrum.colours() && !bar.isEmpty() ? spectrum.paint(bar, c.probability()) : bar;
        String value = value(c);
        return painted + " ".repeat(barWidth - TextWidth.of(bar)) + " "
                + " ".repeat(Math.max(0, VALUE_WIDTH - value.length())) + value;
    }

    static String value(CandidateProbability c) {
        return switch (c.estimate()) {
            case EXACT -> Percent.of(c.probability());
            case LOWER_BOUND -> "≥" + Percent.of(c.probability());
            case BELOW_TOP_K -> "<" + Percent.of(c.atMost());
            case UNKNOWN -> "?";
        };
    }

    /** The rows of candidate indexes in display order: as given, or by the first distribution's probability. */
    static List<Integer> order(CandidateDistribution first, boolean byProbability) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < first.candidates().size(); i++) {
            rows.add(i);
        }
        if (byProbability) {
            rows.sort((a, b) -> Double.compare(first.candidates().get(b).probability(),
                    first.candidates().get(a).probability()));
        }
        return rows;
    }
}
