package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.analysis.AttractorExperiment;
import dev.weft.analysis.AttractorReport;
import dev.weft.analysis.Ending;
import dev.weft.analysis.PerturbationPlan;
import dev.weft.loom.SamplingParams;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "attractor", mixinStandardHelpOptions = true,
        description = {"Perturb PROMPT's temperature-0 completion, regenerate from each perturbation, and measure "
                + "whether the endings converge back to the original's (the essay's attractors)."})
final class AttractorCommand implements Callable<Integer> {
    @Mixin SamplingOptions sampling = samplingDefaults();
    @Mixin OutputOptions output;
    @Mixin ModelOptions modelOptions;
    @Mixin VsOption vs;

    @Option(names = "--perturbations", paramLabel = "K|@FILE",
            description = "How many automatic perturbations (default ${DEFAULT-VALUE}), or @FILE with your own edits: "
                    + "one per line, the completion rewritten up to where the model takes over (\\n for a line break).")
    String perturbations = "5";

    @Option(names = "--insert", paramLabel = "PHRASE",
            description = "Automatic perturbations insert PHRASE at random tokens instead of swapping a token for one "
                    + "of its alternatives.")
    String insert;

    @Option(names = "--ending-tokens", paramLabel = "N",
            description = "Compare the last N tokens instead of the last complete sentence.")
    Integer endingTokens;

    @Option(names = "--session", paramLabel = "FILE",
            description = "Also record the runs in this session file (created if missing) as edit and swap branches.")
    Path session;

    @Parameters(paramLabel = "PROMPT", description = "The text to continue ('-' reads standard input).")
    String prompt;

    @Spec CommandSpec spec;

    /** The essay regenerates at temperature 0: with no sampling noise, only the perturbation moves the text. */
    private static SamplingOptions samplingDefaults() {
        SamplingOptions defaults = new SamplingOptions();
        defaults.temperature = 0;
        return defaults;
    }

    @Override
    public Integer call() throws Exception {
        SamplingParams params = sampling.params();
        if (params.n() != 1) {
            throw new UsageException("attractor regenerates one completion per perturbation; -n does not apply");
        }
        long seed = params.seed() != null ? params.seed() : new SecureRandom().nextLong();
        PerturbationPlan plan = plan(seed);
        Ending ending = ending();
        String text = PromptInput.read(prompt);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean debug = Main.debug(spec);
        try (LanguageModel first = modelOptions.open(err, debug);
             LanguageModel second = vs.isSet() ? vs.open(modelOptions, err, debug) : null) {
            List<AttractorRecorder.Run> runs = new ArrayList<>();
            runs.add(new AttractorRecorder.Run(profileOf(modelOptions.profile, first), first,
                    experiment(first, text, params.withSeed(seed), ending, plan)));
            if (second != null) {
                runs.add(new AttractorRecorder.Run(vs.profile, second,
                        experiment(second, text, params.withSeed(seed), ending, plan)));
            }
            if (session != null) {
                AttractorRecorder.record(session, text, params.withSeed(seed), runs);
            }
            if (output.json) {
                out.println(json(text, params.withSeed(seed), runs));
            } else {
                AttractorText printer = new AttractorText(out, new AnsiSpectrum(output.colorDepth()));
                for (AttractorRecorder.Run run : runs) {
                    printer.print(run.model().backend() + " · " + run.model().model(), run.report(), seed);
                }
            }
        }
        return 0;
    }

    private static AttractorReport experiment(LanguageModel model, String text, SamplingParams params, Ending ending,
                                              PerturbationPlan plan) throws Exception {
        try {
            return AttractorExperiment.run(model, Prompt.of(text), params, params.temperature(), ending, plan);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(model.model() + ": " + e.getMessage(), e);
        }
    }

    private PerturbationPlan plan(long seed) throws Exception {
        if (perturbations.startsWith("@")) {
            if (insert != null) {
                throw new UsageException("--insert makes automatic perturbations; it does not go with"
                        + " --perturbations @FILE");
            }
            return new PerturbationPlan.Edits(EditFile.read(Path.of(perturbations.substring(1))));
        }
        int count;
        try {
            count = Integer.parseInt(perturbations.strip());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1) {
            throw new UsageException("--perturbations takes a count of at least 1 or @FILE, got '"
                    + perturbations + "'");
        }
        if (insert != null) {
            if (insert.isEmpty()) {
                throw new UsageException("--insert needs a phrase");
            }
            return new PerturbationPlan.Inserts(insert, count, seed);
        }
        if (sampling.topLogprobs < 2) {
            throw new UsageException("swapping tokens needs their alternatives: --top-logprobs must be at least 2");
        }
        return new PerturbationPlan.Swaps(count, seed);
    }

    private Ending ending() {
        if (endingTokens == null) {
            return new Ending.LastSentence();
        }
        if (endingTokens < 1) {
            throw new UsageException("--ending-tokens must be at least 1, got " + endingTokens);
        }
        return new Ending.LastTokens(endingTokens);
    }

    private static String profileOf(String profile, LanguageModel model) {
        return profile != null ? profile : model.backend();
    }

    private ObjectNode json(String text, SamplingParams params, List<AttractorRecorder.Run> runs) {
        ObjectNode root = TokenJson.MAPPER.createObjectNode();
        root.put("prompt", text);
        root.set("params", TokenJson.params(params));
        ArrayNode list = root.putArray("runs");
        for (AttractorRecorder.Run run : runs) {
            list.add(AttractorJson.run(run.model(), run.report()));
        }
        return root;
    }
}
