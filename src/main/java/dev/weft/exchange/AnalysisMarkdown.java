package dev.weft.exchange;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.CandidateDistribution;
import dev.weft.analysis.CandidateProbability;
import dev.weft.analysis.Diversity;
import dev.weft.analysis.CompareRecord;
import dev.weft.analysis.DistRecord;
import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseRecord;
import dev.weft.analysis.SweepRecord;
import dev.weft.analysis.SweepRow;
import dev.weft.loom.DisplayText;
import dev.weft.model.Completion;
import java.util.List;
import java.util.Locale;

/**
 * The analyses a session kept ({@code :dist}, {@code :sweep}, multiverse expansions, comparisons)
 * as Markdown: each distribution as a bar chart in text (an indented block, so no candidate can
 * break out of it), each sweep and comparison as a table of its figures and its samples, each
 * multiverse as its most probable paths, with where and on what each was run.
 */
final class AnalysisMarkdown {
    private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    private static final int BAR = 40;
    private static final int MAX_LABEL = 20;
    /** Most probable paths of a multiverse listed, as weft multiverse prints them. */
    private static final int PATHS = 10;

    private AnalysisMarkdown() {}

    static String of(List<AnalysisRecord> analyses) {
        if (analyses.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n## Analyses\n\n").append(analyses.size())
                .append(analyses.size() == 1 ? " run" : " runs")
                .append(" of :dist, :sweep, the multiverse and compare views, oldest first.\n");
        for (int i = 0; i < analyses.size(); i++) {
            AnalysisRecord r = analyses.get(i);
            out.append("\n### ").append(i + 1).append(". ");
            if (r instanceof DistRecord d) {
                dist(d, out);
            } else if (r instanceof SweepRecord s) {
                sweep(s, out);
            } else if (r instanceof MultiverseRecord m) {
                multiverse(m, out);
            } else {
                compare((CompareRecord) r, out);
            }
        }
        return out.toString();
    }

    private static void dist(DistRecord d, StringBuilder out) {
        out.append(escape("dist " + d.spec())).append(where(d)).append("\n\n");
        for (DistRecord.Run run : d.runs()) {
            out.append("On ").append(escape(run.side().label()));
            if (run.failure() != null) {
                out.append(": failed (").append(escape(run.failure())).append(")\n\n");
                continue;
            }
            CandidateDistribution dist = run.distribution();
            out.append(dist.isExact() ? ", exact" : ", from the reported top-k only").append(":\n\n");
            int labelWidth = 1;
            for (CandidateProbability c : dist.candidates()) {
                labelWidth = Math.min(MAX_LABEL, Math.max(labelWidth, label(c).length()));
            }
            double scale = dist.top().probability();
            for (CandidateProbability c : dist.candidates()) {
                int eighths = scale <= 0 ? 0 : (int) Math.round(c.probability() / scale * BAR * 8);
                String bar = "█".repeat(eighths / 8) + EIGHTHS[eighths % 8];
                out.append("    ").append(pad(label(c), labelWidth)).append("  ").append(pad(bar, BAR)).append("  ")
                        .append(value(c)).append('\n');
            }
            CandidateProbability top = dist.top();
            out.append("\ntop ").append(escape("\"" + DisplayText.token(top.candidate()) + "\"")).append(' ')
                    .append(value(top)).append(" · mass on the candidates ").append(percent(dist.totalMass()));
            if (!Double.isNaN(dist.entropyRatio())) {
                out.append(String.format(Locale.ROOT, " · entropy %.2f of %.2f bits (%s of uniform)",
                        dist.entropyBits(), dist.maxEntropyBits(), percent(dist.entropyRatio())));
            }
            out.append("\n\n");
        }
    }

    private static void sweep(SweepRecord s, StringBuilder out) {
        out.append("sweep, ").append(s.n()).append(s.n() == 1 ? " sample" : " samples").append(" per temperature")
                .append(where(s)).append("\n\n");
        for (SweepRecord.Run run : s.runs()) {
            out.append("On ").append(escape(run.side().label())).append(":\n\n");
            out.append("| T | distinct-1 | distinct-2 | edit distance | same first sentence | mean p |\n")
                    .append("|---:|---:|---:|---:|---:|---:|\n");
            for (SweepRecord.Row row : run.rows()) {
                SweepRow r = row.figures();
                if (r == null) {
                    out.append("| ").append(number(row.temperature())).append(" | failed: ")
                            .append(escape(row.failure()).replace("|", "\\|")).append(" | | | | |\n");
                    continue;
                }
                Diversity d = r.diversity();
                out.append("| ").append(number(row.temperature())).append(" | ").append(figure(d.distinct1()))
                        .append(" | ").append(figure(d.distinct2())).append(" | ").append(figure(d.meanEditDistance()))
                        .append(" | ").append(percent(d.modalFirstSentenceShare())).append(" | ")
                        .append(figure(r.meanTokenProbability())).append(" |\n");
            }
            out.append('\n');
            for (SweepRecord.Row row : run.rows()) {
                SweepRow r = row.figures();
                if (r == null) {
                    continue;
                }
                List<Completion> samples = r.samples();
                for (int i = 0; i < samples.size(); i++) {
                    out.append("- T=").append(number(row.temperature())).append(" #").append(i + 1).append(": ")
                            .append(new MarkdownText().text(DisplayText.token(samples.get(i).text()))).append('\n');
                }
            }
            out.append('\n');
        }
    }

    /** The settings and size, then the most probable paths (the most readable part of the plot). */
    private static void multiverse(MultiverseRecord m, StringBuilder out) {
        Multiverse x = m.multiverse();
        out.append("multiverse");
        if (!m.below().isEmpty()) {
            out.append(" below block ").append(String.join(".", m.below().stream().map(i -> Integer.toString(i + 1)).toList()));
        }
        out.append(where(m)).append("\n\n");
        out.append("On ").append(escape(m.side().label())).append(": depth ").append(x.settings().depth())
                .append(" · top-k ").append(x.settings().top()).append(" · floor ").append(percent(x.settings().minProbability()))
                .append(" · ").append(x.nodeCount()).append(" blocks from ").append(x.modelCalls())
                .append(" model calls · unexplored ").append(percent(x.unexploredMass())).append("\n\n");
        List<Multiverse.Path> paths = x.paths();
        for (int i = 0; i < Math.min(PATHS, paths.size()); i++) {
            StringBuilder text = new StringBuilder();
            paths.get(i).steps().forEach(n -> text.append(n.piece().text()));
            out.append("    ").append(pad(percent(paths.get(i).probability()), 6)).append("  ")
                    .append(DisplayText.token(text.toString())).append('\n');
        }
        if (paths.size() > PATHS) {
            out.append("    (").append(paths.size() - PATHS).append(" less probable paths)\n");
        }
        out.append('\n');
    }

    /** Each side's samples with a sweep row's figures. */
    private static void compare(CompareRecord c, StringBuilder out) {
        out.append("compare, ").append(c.params().n()).append(c.params().n() == 1 ? " sample" : " samples")
                .append(" per side at T=").append(number(c.params().temperature())).append(where(c)).append("\n\n");
        out.append("| side | samples | distinct-1 | distinct-2 | edit distance | same first sentence | mean p |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (CompareRecord.Run run : c.runs()) {
            String side = escape(run.side().label()).replace("|", "\\|");
            if (run.failure() != null) {
                out.append("| ").append(side).append(" | failed: ").append(escape(run.failure()).replace("|", "\\|"))
                        .append(" | | | | | |\n");
                continue;
            }
            SweepRow r = SweepRow.of(c.params().temperature(), run.samples().stream().map(SweepRecord.Sample::completion).toList());
            Diversity d = r.diversity();
            out.append("| ").append(side).append(" | ").append(run.samples().size()).append(" | ")
                    .append(figure(d.distinct1())).append(" | ").append(figure(d.distinct2())).append(" | ")
                    .append(figure(d.meanEditDistance())).append(" | ").append(percent(d.modalFirstSentenceShare()))
                    .append(" | ").append(figure(r.meanTokenProbability())).append(" |\n");
        }
        out.append('\n');
        for (CompareRecord.Run run : c.runs()) {
            for (int i = 0; i < run.samples().size(); i++) {
                out.append("- ").append(escape(run.side().label())).append(" #").append(i + 1).append(": ")
                        .append(new MarkdownText().text(DisplayText.token(run.samples().get(i).tokens().text()))).append('\n');
            }
        }
        out.append('\n');
    }

    private static String where(AnalysisRecord r) {
        return (r.node() == null ? "" : " at " + r.node() + " token " + r.cursor()) + " after “"
                + escape(DisplayText.token(tail(r.context()))) + "” (" + r.at() + ")";
    }

    private static String tail(String context) {
        return context.length() <= 60 ? context : "…" + context.substring(context.length() - 59);
    }

    private static String label(CandidateProbability c) {
        String text = DisplayText.token(c.candidate());
        return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1) + "…";
    }

    private static String value(CandidateProbability c) {
        return switch (c.estimate()) {
            case EXACT -> percent(c.probability());
            case LOWER_BOUND -> "≥" + percent(c.probability());
            case BELOW_TOP_K -> "<" + percent(c.atMost());
            case UNKNOWN -> "?";
        };
    }

    private static String pad(String text, int width) {
        int length = text.codePointCount(0, text.length());
        return length >= width ? text : text + " ".repeat(width - length);
    }

    private static String percent(double p) {
        return dev.weft.analysis.ShortPercent.of(p);
    }

    private static String figure(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.2f", x);
    }

    private static String number(double x) {
        String s = String.format(Locale.ROOT, "%.2f", x).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String escape(String text) {
        return new MarkdownText().text(text).toString();
    }
}
