package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.analysis.Diversity;
import dev.weft.analysis.SweepRow;
import dev.weft.analysis.TemperatureSweep;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Completion;
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

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Sample PROMPT N times at each of several temperatures and measure how diverse the samples "
                + "are: does heat escape a mode, or only add noise?"})
final class SweepCommand implements Callable<Integer> {
    static final int DEFAULT_SAMPLES = 10;

    @Mixin SamplingOptions sampling = samplingDefaults();
    @Mixin OutputOptions output;
    @Mixin ModelOptions modelOptions;
    @Mixin VsOption vs;
    @Mixin WidthOption width;

    @Option(names = "--temperatures", paramLabel = "LIST", split = ",",
            description = "Temperatures to sample at (default ${DEFAULT-VALUE}).")
    List<Double> temperatures = new ArrayList<>(List.of(0.0, 0.7, 1.0, 1.4, 1.9));

    @Parameters(paramLabel = "PROMPT", description = "The text to continue ('-' reads standard input).")
    String prompt;

    @Spec CommandSpec spec;

    /** A sweep needs several samples per temperature to say anything. */
    private static SamplingOptions samplingDefaults() {
        SamplingOptions defaults = new SamplingOptions();
        defaults.n = DEFAULT_SAMPLES;
        return defaults;
    }

    @Override
    public Integer call() throws Exception {
        if (spec.commandLine().getParseResult().hasMatchedOption("--temperature")) {
            throw new UsageException("sweep samples at each of --temperatures; --temperature does not apply");
        }
        for (double t : temperatures) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new UsageException("--temperatures must be >= 0, got " + t);
            }
        }
        SamplingParams params = sampling.params();
        String text = PromptInput.read(prompt);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean debug = Main.debug(spec);
        try (LanguageModel first = modelOptions.open(err, debug);
             LanguageModel second = vs.isSet() ? vs.open(modelOptions, err, debug) : null) {
            List<LanguageModel> models = second == null ? List.of(first) : List.of(first, second);
            List<TemperatureSweep> sweeps = new ArrayList<>();
            for (LanguageModel model : models) {
                sweeps.add(TemperatureSweep.run(model, Prompt.of(text), params, temperatures));
            }
            if (output.json) {
                out.println(json(text, params, models, sweeps));
            } else {
                print(out, models, sweeps);
            }
        }
        return 0;
    }

    private void print(PrintWriter out, List<LanguageModel> models, List<TemperatureSweep> sweeps) {
        AnsiSpectrum spectrum = new AnsiSpectrum(output.colorDepth());
        int columns = width.columns();
        for (int t = 0; t < temperatures.size(); t++) {
            for (int m = 0; m < models.size(); m++) {
                SweepRow row = sweeps.get(m).rows().get(t);
                out.println(String.format(Locale.ROOT, "── T %s%s · %s", number(row.temperature()),
                        models.size() == 1 ? "" : " · " + models.get(m).model(), figures(row)));
                List<Completion> samples = row.samples();
                for (int i = 0; i < samples.size(); i++) {
                    String line = SampleLine.of(samples.get(i), columns - 4, spectrum);
                    out.println(String.format(Locale.ROOT, "%3d ", i + 1) + line);
                }
            }
        }
        out.println();
        boolean named = models.size() > 1;
        out.println(((named ? String.format(Locale.ROOT, "%-16s ", "model") : "")
                + String.format(Locale.ROOT, "%5s %10s %10s %9s %15s %7s", "T", "distinct-1", "distinct-2", "edit-dist",
                "same 1st sent.", "mean p")));
        for (int m = 0; m < models.size(); m++) {
            for (SweepRow row : sweeps.get(m).rows()) {
                Diversity d = row.diversity();
                out.println((named ? TextWidth.pad(models.get(m).model(), 16) + " " : "")
                        + String.format(Locale.ROOT, "%5s %10s %10s %9s %15s %7s", number(row.temperature()),
                        Percent.figure(d.distinct1()), Percent.figure(d.distinct2()),
                        Percent.figure(d.meanEditDistance()), Percent.of(d.modalFirstSentenceShare()),
                        Percent.figure(row.meanTokenProbability())));
            }
        }
    }

    private static String figures(SweepRow row) {
        Diversity d = row.diversity();
        return String.format(Locale.ROOT,
                "distinct-1 %s · distinct-2 %s · edit distance %s · same first sentence %s · mean p %s",
                Percent.figure(d.distinct1()), Percent.figure(d.distinct2()), Percent.figure(d.meanEditDistance()),
                Percent.of(d.modalFirstSentenceShare()), Percent.figure(row.meanTokenProbability()));
    }

    private static String number(double t) {
        return String.format(Locale.ROOT, "%.2f", t).replaceAll("0$", "");
    }

    private ObjectNode json(String text, SamplingParams params, List<LanguageModel> models,
                            List<TemperatureSweep> sweeps) {
        ObjectNode root = TokenJson.MAPPER.createObjectNode();
        root.put("prompt", text);
        root.set("params", TokenJson.params(params));
        ArrayNode runs = root.putArray("runs");
        for (int m = 0; m < models.size(); m++) {
            ObjectNode run = runs.addObject();
            run.put("backend", models.get(m).backend());
            run.put("model", models.get(m).model());
            ArrayNode rows = run.putArray("temperatures");
            for (SweepRow row : sweeps.get(m).rows()) {
                ObjectNode o = rows.addObject();
                o.put("temperature", row.temperature());
                o.set("diversity", DiversityJson.of(row.diversity()));
                DiversityJson.number(o, "mean_token_probability", row.meanTokenProbability());
                ArrayNode samples = o.putArray("samples");
                for (Completion c : row.samples()) {
                    ObjectNode s = samples.addObject();
                    s.put("text", c.text());
                    s.put("finish_reason", c.finish().label());
                    s.set("tokens", TokenJson.tokens(c.tokens()));
                }
            }
        }
        return root;
    }
}
