package dev.weft.cli;

import dev.weft.analysis.AttractorReport;
import dev.weft.analysis.Convergence;
import dev.weft.analysis.Perturbation;
import dev.weft.analysis.PerturbedRun;
import dev.weft.loom.DisplayText;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The plain output of an attractor experiment: the original, then each perturbed run with the
 * perturbation marked (reverse video, like the essay's white background; ⟦…⟧ without colour),
 * its regeneration coloured by probability, and whether it came back.
 */
final class AttractorText {
    private final PrintWriter out;
    private final AnsiSpectrum spectrum;

    AttractorText(PrintWriter out, AnsiSpectrum spectrum) {
        this.out = out;
        this.spectrum = spectrum;
    }

    void print(String title, AttractorReport report, long seed) {
        TokenRun original = report.original().run();
        out.println("── " + title + " · original at temperature 0 (" + original.size() + " tokens, "
                + report.original().finish().label() + ")");
        out.println("   " + tokens(original.tokens()));
        out.println("   ending (" + report.ending().rule() + "): " + quoted(report.ending().text()));
        List<PerturbedRun> runs = report.runs();
        for (int i = 0; i < runs.size(); i++) {
            PerturbedRun run = runs.get(i);
            out.println(String.format(Locale.ROOT, "#%d %s", i + 1, describe(run.perturbation(), original)));
            out.println("   " + tokens(original.slice(0, run.perturbation().at()).tokens())
                    + marked(run.perturbation().text()) + tokens(run.regenerated().tokens()));
            out.println("   " + verdict(run.convergence()));
        }
        String median = Double.isNaN(report.medianRejoin()) ? "–"
                : String.format(Locale.ROOT, "%.1f tokens", report.medianRejoin());
        long converged = Math.round(report.shareConverged() * runs.size());
        out.println(String.format(Locale.ROOT,
                "converged %d of %d (%s) · re-joined %d · median re-join %s · seed %d", converged, runs.size(),
                Percent.of(report.shareConverged()), report.rejoinedCount(), median, seed));
    }

    static String describe(Perturbation p, TokenRun original) {
        String where = "at token " + p.at();
        if (p instanceof Perturbation.Swap swap) {
            return "swap " + where + ": " + quoted(original.piece(swap.at()).text()) + " → "
                    + quoted(swap.piece().text()) + " (p " + Percent.of(Math.exp(swap.logprob())) + ")";
        }
        if (p instanceof Perturbation.Insert insert) {
            return "insert " + where + ": " + quoted(insert.phrase());
        }
        return "edit " + where + ": " + quoted(p.text());
    }

    private static String verdict(Convergence c) {
        String tokens = c.rejoined() && c.rejoinAfter() == 1 ? " token" : " tokens";
        String rejoin = c.rejoined() ? "re-joined after " + c.rejoinAfter() + tokens : "never re-joined";
        return rejoin + " · ending " + (c.endingMatched() ? "reached" : "not reached") + " · ending distance "
                + Percent.figure(c.endingDistance());
    }

    private String tokens(List<Token> tokens) {
        StringBuilder line = new StringBuilder();
        for (Token token : tokens) {
            line.append(spectrum.paint(DisplayText.token(token.text()), token.probability()));
        }
        return line.toString();
    }

    private String marked(String text) {
        String shown = DisplayText.token(text);
        return spectrum.colours() ? "\u001b[7m" + shown + "\u001b[27m" : "⟦" + shown + "⟧";
    }

    private static String quoted(String text) {
        return "“" + DisplayText.token(text) + "”";
    }
}
