package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.loom.Alternative;
import dev.weft.loom.DisplayText;
import dev.weft.loom.Token;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "The logprob of each token of CONTINUATION after PROMPT, with the top alternatives.")
final class ScoreCommand implements Callable<Integer> {
    @Mixin OutputOptions output;
    @Mixin ModelOptions modelOptions;

    @Option(names = "--top-logprobs", paramLabel = "K", description = "Alternatives per token (default ${DEFAULT-VALUE}).")
    int topLogprobs = 5;

    @Parameters(index = "0", paramLabel = "PROMPT", description = "The context ('-' reads standard input).")
    String prompt;

    @Parameters(index = "1", paramLabel = "CONTINUATION", description = "The text to score after PROMPT.")
    String continuation;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (topLogprobs < 0) {
            throw new UsageException("--top-logprobs must be >= 0, got " + topLogprobs);
        }
        String context = PromptInput.read(prompt);
        PrintWriter out = spec.commandLine().getOut();
        try (LanguageModel model = modelOptions.open(spec.commandLine().getErr(), Main.debug(spec))) {
            if (!model.capabilities().scoresText()) {
                throw new UsageException(model.backend() + " (" + model.model() + ") cannot score text");
            }
            Scoring scoring = model.score(Prompt.of(context), continuation, topLogprobs);
            if (output.json) {
                ObjectNode root = TokenJson.MAPPER.createObjectNode();
                root.set("tokens", TokenJson.tokens(scoring.tokens()));
                root.put("logprob", scoring.logprob());
                out.println(root);
            } else {
                printTable(out, new AnsiSpectrum(output.colorDepth()), scoring);
            }
        }
        return 0;
    }

    private static void printTable(PrintWriter out, AnsiSpectrum spectrum, Scoring scoring) {
        out.printf(Locale.ROOT, "%-18s %9s %8s %5s  %s%n", "token", "logprob", "p", "rank", "alternatives");
        for (Token t : scoring.tokens()) {
            StringBuilder alts = new StringBuilder();
            for (Alternative a : t.top()) {
                alts.append(String.format(Locale.ROOT, "%s %.3f  ", quoted(a.text()), a.probability()));
            }
            String rank = t.rank() == 0 ? ">" + t.top().size() : String.valueOf(t.rank());
            String cell = String.format(Locale.ROOT, "%-18s", quoted(t.text()));
            out.printf(Locale.ROOT, "%s %9.4f %8.4f %5s  %s%n", spectrum.paint(cell, t.probability()),
                    t.logprob(), t.probability(), rank, alts.toString().stripTrailing());
        }
        out.printf(Locale.ROOT, "total logprob %.4f over %d tokens (p = %.3g)%n",
                scoring.logprob(), scoring.tokens().size(), Math.exp(scoring.logprob()));
    }

    private static String quoted(String text) {
        return "'" + DisplayText.token(text) + "'";
    }
}
