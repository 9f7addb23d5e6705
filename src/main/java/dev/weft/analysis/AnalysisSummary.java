package dev.weft.analysis;

import dev.weft.loom.DisplayText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A kept analysis in one line, for the replay player, {@code weft stats} and the loom's messages:
 * what was run, where, on which backends, and its headline figure (the top candidate and the
 * entropy; the spread of distinct-2 over the temperatures). Text from the session is made
 * terminal-safe.
 */
public final class AnalysisSummary {
    private static final int CONTEXT = 24;

    private AnalysisSummary() {}

    public static String of(AnalysisRecord record) {
        String where = (record.node() == null ? "" : " at " + record.node() + " token " + record.cursor())
                + " after " + tail(record.context());
        if (record instanceof DistRecord d) {
            List<String> sides = new ArrayList<>();
            for (DistRecord.Run run : d.runs()) {
                sides.add(side(run.side()) + ": " + (run.failure() != null ? "failed (" + DisplayText.token(run.failure()) + ")"
                        : distFigures(run.distribution())));
            }
            return "dist " + DisplayText.token(d.spec()) + where + " · " + String.join(" · ", sides);
        }
        if (record instanceof MultiverseRecord m) {
            return multiverse(m, where);
        }
        if (record instanceof CompareRecord c) {
            List<String> sides = new ArrayList<>();
            for (CompareRecord.Run run : c.runs()) {
                sides.add(side(run.side()) + ": " + (run.failure() != null ? "failed (" + DisplayText.token(run.failure()) + ")"
                        : compareFigures(c, run)));
            }
            return "compare ×" + c.params().n() + " T=" + number(c.params().temperature()) + where + " · "
                    + String.join(" · ", sides);
        }
        SweepRecord s = (SweepRecord) record;
        List<String> temperatures = new ArrayList<>();
        for (SweepRecord.Row row : s.runs().get(0).rows()) {
            temperatures.add(number(row.temperature()));
        }
        List<String> sides = new ArrayList<>();
        for (SweepRecord.Run run : s.runs()) {
            sides.add(side(run.side()) + ": " + sweepFigures(run));
        }
        return "sweep T=" + String.join(",", temperatures) + " ×" + s.n() + where + " · " + String.join(" · ", sides);
    }

    /** Its size and the most probable path: the plot's headline. */
    private static String multiverse(MultiverseRecord m, String where) {
        Multiverse x = m.multiverse();
        String what = m.below().isEmpty() ? "multiverse" : "multiverse below block " + walk(m.below());
        List<Multiverse.Path> paths = x.paths();
        String top = "";
        if (!paths.isEmpty()) {
            StringBuilder text = new StringBuilder();
            paths.get(0).steps().forEach(n -> text.append(n.piece().text()));
            top = " · most probable \"" + DisplayText.token(text.toString()) + "\" " + percent(paths.get(0).probability());
        }
        return what + where + " · " + side(m.side()) + ": " + x.nodeCount() + " blocks, depth "
                + x.settings().depth() + " top-k " + x.settings().top() + top;
    }

    private static String walk(List<Integer> below) {
        List<String> out = new ArrayList<>();
        below.forEach(i -> out.add(Integer.toString(i + 1)));
        return String.join(".", out);
    }

    /** How many samples and how alike: distinct-2, as a sweep row. */
    private static String compareFigures(CompareRecord c, CompareRecord.Run run) {
        SweepRow r = SweepRow.of(c.params().temperature(), run.samples().stream().map(SweepRecord.Sample::completion).toList());
        double d2 = r.diversity().distinct2();
        return run.samples().size() + (run.samples().size() == 1 ? " sample" : " samples")
                + (Double.isNaN(d2) ? "" : String.format(Locale.ROOT, ", distinct-2 %.2f", d2));
    }

    private static String side(AnalysisRecord.Side side) {
        return DisplayText.token(side.model().isEmpty() ? side.profile() : side.model());
    }

    private static String distFigures(CandidateDistribution d) {
        CandidateProbability top = d.top();
        String entropy = Double.isNaN(d.entropyRatio()) ? "" : String.format(Locale.ROOT, ", entropy %.0f%% of uniform",
                100 * d.entropyRatio());
        return "top \"" + DisplayText.token(top.candidate()) + "\" " + percent(top.probability()) + entropy;
    }

    /** distinct-2 from the lowest temperature's row to the highest's: how much a higher temperature opens up. */
    private static String sweepFigures(SweepRecord.Run run) {
        List<String> figures = new ArrayList<>();
        int failed = 0;
        for (SweepRecord.Row row : run.rows()) {
            SweepRow r = row.figures();
            if (r == null) {
                failed++;
            } else {
                double d2 = r.diversity().distinct2();
                figures.add(Double.isNaN(d2) ? "–" : String.format(Locale.ROOT, "%.2f", d2));
            }
        }
        return (figures.isEmpty() ? "no rows" : "distinct-2 " + String.join(" ", figures))
                + (failed == 0 ? "" : " · " + failed + " failed");
    }

    private static String tail(String context) {
        String safe = DisplayText.token(context);
        return "\"" + (safe.length() <= CONTEXT ? safe : "…" + safe.substring(safe.length() - CONTEXT + 1)) + "\"";
    }

    private static String number(double x) {
        String s = String.format(Locale.ROOT, "%.2f", x).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String percent(double p) {
        double percent = 100 * p;
        if (percent >= 9.95) {
            return String.format(Locale.ROOT, "%.0f%%", percent);
        }
        return percent >= 0.995 ? String.format(Locale.ROOT, "%.1f%%", percent)
                : String.format(Locale.ROOT, "%.2g%%", percent);
    }
}
