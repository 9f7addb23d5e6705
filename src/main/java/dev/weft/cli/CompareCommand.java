package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.analysis.Diversity;
import dev.weft.analysis.SiblingFigures;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import dev.weft.session.Session;
import dev.weft.session.SessionException;
import dev.weft.session.SessionStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Two sessions node by node (FILE FILE2), or PROMPT continued on two backends (--vs PROFILE).",
                "With --vs: both sets of completions, with the same sampling options, coloured, with their collapse"
                        + " figures side by side.",
                "Given two session files (say one and its replay --against another model), show their trees"
                        + " node by corresponding node with each node's figures, then the figures of all the text after the prompts."})
final class CompareCommand implements Callable<Integer> {
    static final int DEFAULT_SAMPLES = 5;

    @Mixin SamplingOptions sampling = samplingDefaults();
    @Mixin OutputOptions output;
    @Mixin ModelOptions modelOptions;
    @Mixin VsOption vs;
    @Mixin WidthOption width;

    @Parameters(arity = "1..2", paramLabel = "PROMPT | FILE FILE2",
            description = {"With --vs: the text to continue ('-' reads standard input).",
                    "Without: two session files to compare."})
    List<String> arguments;

    @Option(names = "--tui",
            description = "With two session files: open FILE in the loom with the compared-sessions view on FILE2"
                    + " (:compare-file FILE2).")
    boolean tui;

    @Spec CommandSpec spec;

    /** Figures over sibling completions need a few of them. */
    private static SamplingOptions samplingDefaults() {
        SamplingOptions defaults = new SamplingOptions();
        defaults.n = DEFAULT_SAMPLES;
        return defaults;
    }

    /** One row of the figures table: its name and how to read it from a run's figures. */
    private record Row(String name, Function<SiblingFigures, String> value) {}

    private static final List<Row> ROWS = List.of(
            new Row("mean logprob", f -> number(f.pooled().meanLogprob())),
            new Row("share p > 0.99", f -> Percent.of(f.pooled().shareConfident())),
            new Row("mean top-k entropy (nats)", f -> Percent.figure(f.pooled().meanEntropy())),
            new Row("distinct-1", f -> Percent.figure(f.diversity().distinct1())),
            new Row("distinct-2", f -> Percent.figure(f.diversity().distinct2())),
            new Row("mean pairwise edit distance", f -> Percent.figure(f.diversity().meanEditDistance())),
            new Row("same first sentence", f -> Percent.of(f.diversity().modalFirstSentenceShare())));

    @Override
    public Integer call() throws Exception {
        if (!vs.isSet()) {
            if (arguments.size() == 2 && tui) {
                return OpenCommand.launch(Path.of(arguments.get(0)), output.noColor ? "none" : null, ":compare-file " + arguments.get(1),
                        spec.commandLine().getErr());
            }
            if (arguments.size() == 2) {
                return compareSessions(Path.of(arguments.get(0)), Path.of(arguments.get(1)));
            }
            throw new UsageException("compare needs a second backend: --vs PROFILE"
                    + " ('embedded' for the embedded model), or two session files");
        }
        if (arguments.size() != 1) {
            throw new UsageException("with --vs, compare continues one PROMPT");
        }
        SamplingParams params = sampling.params();
        String text = PromptInput.read(arguments.get(0));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean debug = Main.debug(spec);
        try (LanguageModel first = modelOptions.open(err, debug);
             LanguageModel second = vs.open(modelOptions, err, debug)) {
            List<LanguageModel> models = List.of(first, second);
            List<List<Completion>> completions = new ArrayList<>();
            List<SiblingFigures> figures = new ArrayList<>();
            for (LanguageModel model : models) {
                List<Completion> sampled = model.generate(Prompt.of(text), params);
                completions.add(sampled);
                figures.add(SiblingFigures.of(sampled.stream().map(Completion::run).toList()));
            }
            if (output.json) {
                out.println(json(text, params, models, completions, figures));
            } else {
                print(out, models, completions, figures, params);
            }
        }
        return 0;
    }

    /** Two sessions' trees side by side (see {@link ComparePrinter}). */
    private int compareSessions(Path left, Path right) throws SessionException, IOException {
        Session a = open(left);
        Session b = open(right);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(ComparePrinter.json(left.toString(), a, right.toString(), b));
        } else {
            ComparePrinter.text(left.toString(), a, right.toString(), b, width.columns(), out);
        }
        return 0;
    }

    private Session open(Path file) throws SessionException, IOException {
        try (SessionStore store = SessionStore.openReadOnly(file)) {
            store.warnings().forEach(w -> spec.commandLine().getErr().println("weft: " + w));
            return store.session();
        }
    }

    private void print(PrintWriter out, List<LanguageModel> models, List<List<Completion>> completions,
                       List<SiblingFigures> figures, SamplingParams params) {
        AnsiSpectrum spectrum = new AnsiSpectrum(output.colorDepth());
        int columns = width.columns();
        for (int m = 0; m < models.size(); m++) {
            LanguageModel model = models.get(m);
            out.printf(Locale.ROOT, "── %s · %s (%d at temperature %s)%n", model.backend(), model.model(),
                    completions.get(m).size(), params.temperature());
            for (int i = 0; i < completions.get(m).size(); i++) {
                out.println(String.format(Locale.ROOT, "%3d ", i + 1)
                        + SampleLine.of(completions.get(m).get(i), columns - 4, spectrum));
            }
        }
        int column = Math.max(12, Math.min(28, (columns - 30) / 2));
        out.println();
        out.println(TextWidth.pad("", 28) + TextWidth.pad(models.get(0).model(), column) + " "
                + TextWidth.fit(models.get(1).model(), column));
        for (Row row : ROWS) {
            out.println(TextWidth.pad(row.name(), 28) + TextWidth.pad(row.value().apply(figures.get(0)), column) + " "
                    + row.value().apply(figures.get(1)));
        }
    }

    private static String number(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.2f", x);
    }

    private static ObjectNode json(String text, SamplingParams params, List<LanguageModel> models,
                                   List<List<Completion>> completions, List<SiblingFigures> figures) {
        ObjectNode root = TokenJson.MAPPER.createObjectNode();
        root.put("prompt", text);
        root.set("params", TokenJson.params(params));
        ArrayNode runs = root.putArray("runs");
        for (int m = 0; m < models.size(); m++) {
            ObjectNode run = runs.addObject();
            run.put("backend", models.get(m).backend());
            run.put("model", models.get(m).model());
            ArrayNode list = run.putArray("completions");
            for (Completion c : completions.get(m)) {
                ObjectNode o = list.addObject();
                o.put("text", c.text());
                o.put("finish_reason", c.finish().label());
                o.set("figures", DiversityJson.of(NodeFigures.of(c.run())));
                o.set("tokens", TokenJson.tokens(c.tokens()));
            }
            run.set("figures", DiversityJson.of(figures.get(m).pooled()));
            Diversity d = figures.get(m).diversity();
            run.set("diversity", DiversityJson.of(d));
        }
        return root;
    }
}
