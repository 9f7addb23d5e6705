package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.analysis.CandidateDistribution;
import dev.weft.analysis.CandidateProbability;
import dev.weft.analysis.CandidateScoring;
import dev.weft.analysis.RankCorrelation;
import dev.weft.loom.DisplayText;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "dist", mixinStandardHelpOptions = true,
        description = {"The probability of each candidate answer as the continuation of PROMPT (the essay's "
                + "\"random\" integers), as a bar chart with the top choice, the mass on the candidates and the "
                + "entropy."})
final class DistCommand implements Callable<Integer> {
    @Mixin OutputOptions output;
    @Mixin ModelOptions modelOptions;
    @Mixin VsOption vs;
    @Mixin WidthOption width;

    @Option(names = "--candidates", paramLabel = "SPEC", required = true,
            description = "An integer range (0..100), a comma list (yes,no,maybe), or @FILE with one candidate"
                    + " per line.")
    String candidates;

    @Option(names = "--prefix", paramLabel = "TEXT",
            description = "Text between the prompt and each candidate (default: one space, so 42 is scored as ' 42').")
    String prefix = " ";

    @Option(names = "--sort", description = "Most probable first (by the first model), instead of candidate order.")
    boolean sort;

    @Parameters(paramLabel = "PROMPT", description = "The text the candidates continue ('-' reads standard input).")
    String prompt;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> list = CandidateSpec.parse(candidates);
        String text = PromptInput.read(prompt);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean debug = Main.debug(spec);
        try (LanguageModel first = modelOptions.open(err, debug);
             LanguageModel second = vs.isSet() ? vs.open(modelOptions, err, debug) : null) {
            List<LanguageModel> models = second == null ? List.of(first) : List.of(first, second);
            List<CandidateDistribution> results = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            for (LanguageModel model : models) {
                long start = System.nanoTime();
                results.add(CandidateScoring.score(model, Prompt.of(text), list, prefix));
                seconds.add((System.nanoTime() - start) / 1e9);
            }
            if (output.json) {
                out.println(json(text, models, results, seconds));
            } else {
                print(out, text, models, results);
            }
        }
        return 0;
    }

    private void print(PrintWriter out, String text, List<LanguageModel> models, List<CandidateDistribution> results) {
        AnsiSpectrum spectrum = new AnsiSpectrum(output.colorDepth());
        int columns = width.columns();
        int labelWidth = BarChart.labelWidth(results.get(0).candidates().stream()
                .map(CandidateProbability::candidate).toList());
        int bars = columns - labelWidth - 2;
        int side = models.size() == 1 ? bars : (bars - SideBySide.GUTTER.length()) / 2;
        double scale = BarChart.scale(results);
        out.println(TextWidth.fit(DisplayText.token(text), columns));
        StringBuilder header = new StringBuilder(" ".repeat(labelWidth + 2));
        for (int m = 0; m < models.size(); m++) {
            String name = models.get(m).backend() + " · " + models.get(m).model() + " · " + method(results.get(m));
            header.append(m == 0 ? "" : SideBySide.GUTTER).append(TextWidth.pad(name, side));
        }
        out.println(header.toString().stripTrailing());
        for (int row : BarChart.order(results.get(0), sort)) {
            String candidate = results.get(0).candidates().get(row).candidate();
            StringBuilder line = new StringBuilder(BarChart.label(candidate, labelWidth)).append("  ");
            for (int m = 0; m < results.size(); m++) {
                line.append(m == 0 ? "" : SideBySide.GUTTER)
                        .append(BarChart.bar(results.get(m).candidates().get(row), scale, side, spectrum));
            }
            out.println(line);
        }
        for (int m = 0; m < results.size(); m++) {
            out.println((models.size() == 1 ? "" : models.get(m).model() + ": ") + summary(results.get(m)));
        }
        if (results.size() == 2) {
            out.printf(Locale.ROOT, "Spearman rank correlation of the two models' preferences: %s%n",
                    Percent.figure(RankCorrelation.spearman(results.get(0), results.get(1))));
        }
    }

    private static String summary(CandidateDistribution d) {
        CandidateProbability top = d.top();
        return String.format(Locale.ROOT,
                "top %s %s · mass on the candidates %s · entropy %.2f of %.2f bits (%s of uniform)%s",
                DisplayText.token(top.candidate()), BarChart.value(top), Percent.of(d.totalMass()), d.entropyBits(),
                d.maxEntropyBits(), Percent.of(d.entropyRatio()),
                d.isExact() ? "" : " · from the reported top-k only");
    }

    private static String method(CandidateDistribution d) {
        return d.isExact() ? "exact" : "top-k";
    }

    private ObjectNode json(String text, List<LanguageModel> models, List<CandidateDistribution> results,
                            List<Double> seconds) {
        ObjectNode root = TokenJson.MAPPER.createObjectNode();
        root.put("prompt", text);
        root.put("prefix", prefix);
        ArrayNode runs = root.putArray("runs");
        for (int m = 0; m < models.size(); m++) {
            CandidateDistribution d = results.get(m);
            ObjectNode run = runs.addObject();
            run.put("backend", models.get(m).backend());
            run.put("model", models.get(m).model());
            run.put("method", method(d));
            run.put("seconds", seconds.get(m));
            AnalysisJson.distribution(run, d);
        }
        if (results.size() == 2) {
            DiversityJson.number(root, "spearman", RankCorrelation.spearman(results.get(0), results.get(1)));
        }
        return root;
    }
}
