package dev.weft.tui.render;

import dev.weft.analysis.CandidateDistribution;
import dev.weft.analysis.CandidateEstimate;
import dev.weft.analysis.CandidateProbability;
import dev.weft.tui.layout.Glyphs;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.Quote;
import dev.weft.tui.state.DistributionView;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The distribution view: a heading with the candidate set and the context, one bar per candidate
 * (eighth blocks for sub-column length, coloured by the candidate's probability, on one scale: the
 * top probability is a full bar), its value marked as a bound the way {@code weft dist} marks it
 * (≥ a lower bound, &lt; below the reported top-k, ? unknown), and under the bars the top choice,
 * the mass on the candidates and the entropy of the renormalised distribution against uniform.
 */
final class DistributionChart {
    private static final String[] LEFT_EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    private static final int VALUE_WIDTH = 7;
    private static final int MAX_LABEL = 16;

    private DistributionChart() {}

    static void render(DistributionView view, Painter p, int rows) {
        String heading = "dist " + view.spec() + " after " + tail(view.context(), Math.max(10, p.cols() / 2));
        CandidateDistribution d = view.distribution();
        if (d == null) {
            p.clipped(0, 0, heading, p.style(Part.HEADING), p.cols());
            p.text(0, 2, "scoring the candidates…", p.style(Part.MUTED));
            return;
        }
        String method = d.isExact() ? "exact" : "top-k only";
        int methodWidth = Glyphs.columns(method);
        p.clipped(0, 0, heading, p.style(Part.HEADING), Math.max(0, p.cols() - methodWidth - 2));
        p.clipped(p.cols() - methodWidth, 0, method, p.style(Part.OUTLINE), methodWidth);

        List<Integer> order = order(d, view.sorted());
        int barRows = Math.max(1, rows - 4);
        int top = Math.max(0, Math.min(view.top(), order.size() - barRows));
        int shown = Math.min(barRows, order.size() - top);
        String position = (view.sorted() ? "most probable first" : "candidate order")
                + (order.size() > barRows ? " · " + (top + 1) + "–" + (top + shown) + " of " + order.size() : "")
                + " · bars on the scale of the top choice";
        if (view.vs() == null) {
            p.clipped(0, 1, position, p.style(Part.MUTED), p.cols());
        }

        int labelWidth = 1;
        for (CandidateProbability c : d.candidates()) {
            labelWidth = Math.min(MAX_LABEL, Math.max(labelWidth, Glyphs.columns(Quote.bare(c.candidate()))));
        }
        DistributionView.Vs vs = view.vs();
        CandidateDistribution other = vs == null ? null : vs.distribution();
        // one column of bars, or two side by side (the second backend's, on the same scale)
        int columns = vs == null ? 1 : 2;
        int columnWidth = (p.cols() - labelWidth - 2 - (columns - 1) * GUTTER.length()) / columns;
        int barWidth = Math.max(1, columnWidth - VALUE_WIDTH - 1);
        double scale = Math.max(d.top().probability(), other == null ? 0 : other.top().probability());
        CandidateProbability best = d.top();
        if (vs != null) {
            int second = labelWidth + 2 + columnWidth + GUTTER.length();
            p.clipped(labelWidth + 2, 1, "1: " + view.side().label(), p.style(Part.OUTLINE), columnWidth);
            p.clipped(second, 1, "2: " + (vs.side().model().isEmpty() ? vs.side().profile() : vs.side().label()),
                    p.style(Part.OUTLINE), columnWidth);
        }
        for (int i = 0; i < shown; i++) {
            int index = order.get(top + i);
            CandidateProbability c = d.candidates().get(index);
            int row = 2 + i;
            String label = Quote.bare(c.candidate());
            int w = Math.min(labelWidth, Glyphs.columns(label));
            Style labelStyle = c == best ? p.style(Part.HEADING) : p.style(Part.TEXT);
            p.clipped(labelWidth - w, row, label, labelStyle, labelWidth);
            int col = labelWidth + 2;
            bar(p, row, col, c, scale, barWidth);
            if (vs != null) {
                col += columnWidth;
                p.text(col, row, GUTTER, p.style(Part.MUTED));
                col += GUTTER.length();
                if (other != null && index < other.candidates().size()) {
                    bar(p, row, col, other.candidates().get(index), scale, barWidth);
                } else if (i == 0) {
                    p.clipped(col, row, vs.pending() ? "scoring…" : "failed: " + vs.failure(),
                            vs.pending() ? p.style(Part.MUTED) : p.style(Part.ERROR), columnWidth);
                }
            }
        }
        if (vs != null) {
            p.clipped(0, rows - 2, "1: " + summary(d), p.style(Part.TEXT), p.cols());
            p.clipped(0, rows - 1, "2: " + (other != null ? summary(other)
                    : vs.pending() ? "scoring on " + vs.side().profile() + "…" : "failed: " + vs.failure()),
                    p.style(Part.TEXT), p.cols());
            return;
        }

        String summary = "top " + Quote.token(best.candidate()) + " " + value(best) + " · mass on the candidates "
                + Numbers.shortPercent(d.totalMass());
        p.clipped(0, rows - 2, summary, p.style(Part.TEXT), p.cols());
        String entropy = Double.isNaN(d.entropyRatio()) ? "entropy: needs two candidates with mass" : String.format(Locale.ROOT, "entropy %.2f of %.2f bits (%s of uniform)", d.entropyBits(),
                d.maxEntropyBits(), Numbers.percent(d.entropyRatio()))
                + (d.isExact() ? "" : " · from the reported top-k only");
        p.clipped(0, rows - 1, entropy, p.style(Part.MUTED), p.cols());
    }

    private static final String GUTTER = " │ ";

    /** One bar and its value, in {@code barWidth + 1 + VALUE_WIDTH} columns from {@code col}. */
    private static void bar(Painter p, int row, int col, CandidateProbability c, double scale, int barWidth) {
        int eighths = scale <= 0 ? 0 : (int) Math.round(c.probability() / scale * barWidth * 8);
        String bar = "█".repeat(eighths / 8) + LEFT_EIGHTHS[eighths % 8];
        p.clipped(col, row, bar, p.theme().probability(c.probability()), barWidth);
        String value = value(c);
        p.text(col + barWidth + 1 + VALUE_WIDTH - Glyphs.columns(value), row, value,
                c.estimate() == CandidateEstimate.EXACT ? p.style(Part.TEXT) : p.style(Part.MUTED));
    }

    /** A side's figures on one line: top choice, mass, entropy against uniform. */
    private static String summary(CandidateDistribution d) {
        CandidateProbability best = d.top();
        return "top " + Quote.token(best.candidate()) + " " + value(best) + " · mass " + Numbers.shortPercent(d.totalMass())
                + (Double.isNaN(d.entropyRatio()) ? "" : " · entropy " + Numbers.percent(d.entropyRatio()) + " of uniform")
                + (d.isExact() ? "" : " · top-k only");
    }

    /** Candidate indexes in display order: as given, or most probable first. */
    static List<Integer> order(CandidateDistribution d, boolean byProbability) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < d.candidates().size(); i++) {
            rows.add(i);
        }
        if (byProbability) {
            rows.sort((a, b) -> Double.compare(d.candidates().get(b).probability(), d.candidates().get(a).probability()));
        }
        return rows;
    }

    static String value(CandidateProbability c) {
        return switch (c.estimate()) {
            case EXACT -> Numbers.shortPercent(c.probability());
            case LOWER_BOUND -> "≥" + Numbers.shortPercent(c.probability());
            case BELOW_TOP_K -> "<" + Numbers.shortPercent(c.atMost());
            case UNKNOWN -> "?";
        };
    }

    private static String tail(String text, int max) {
        String shown = Quote.token(text);
        if (Glyphs.columns(shown) <= max) {
            return shown;
        }
        String bare = Quote.bare(text);
        return "\"…" + bare.substring(Math.max(0, bare.length() - max + 3)) + "\"";
    }
}
