package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Cancellation;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import dev.weft.model.TokenSink;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Sample completions of PROMPT, every token coloured by the probability the model gave it.")
final class GenerateCommand implements Callable<Integer> {
    @Mixin SamplingOptions sampling;
    @Mixin OutputOptions output;
    @Mixin ModelOptions modelOptions;

    @Option(names = "--session", paramLabel = "FILE",
            description = "Also record the prompt and completions as nodes in this session file (created if missing).")
    Path session;

    @Parameters(paramLabel = "PROMPT", description = "The text to continue ('-' reads standard input).")
    String prompt;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String text = PromptInput.read(prompt);
        SamplingParams params = sampling.params();
        PrintWriter out = spec.commandLine().getOut();
        AnsiSpectrum spectrum = new AnsiSpectrum(output.colorDepth());
        try (LanguageModel model = modelOptions.open(spec.commandLine().getErr(), Main.debug(spec))) {
            // one completion streams as it is produced; several are printed whole, in order
            boolean stream = !output.json && params.n() == 1;
            if (stream) {
                out.print(spectrum.paint(text, Double.NaN));
                out.flush();
            }
            TokenSink sink = stream ? (choice, token) -> {
                out.print(spectrum.paint(token.text(), token.probability()));
                out.flush();
            } : TokenSink.IGNORE;
            List<Completion> completions = model.generate(Prompt.of(text), params, sink, Cancellation.NEVER);
            if (session != null) {
                SessionRecorder.record(session, text, model, params, completions);
            }
            if (output.json) {
                out.println(json(model, text, params, completions));
            } else if (stream) {
                out.println();
            } else {
                printAll(out, spectrum, text, completions);
            }
        }
        return 0;
    }

    private static void printAll(PrintWriter out, AnsiSpectrum spectrum, String prompt, List<Completion> completions) {
        for (int i = 0; i < completions.size(); i++) {
            out.println("── " + (i + 1) + "/" + completions.size() + " (" + completions.get(i).finish().label() + ")");
            out.print(spectrum.paint(prompt, Double.NaN));
            for (Token t : completions.get(i).tokens()) {
                out.print(spectrum.paint(t.text(), t.probability()));
            }
            out.println();
        }
    }

    private static ObjectNode json(LanguageModel model, String prompt, SamplingParams params, List<Completion> completions) {
        ObjectNode root = TokenJson.MAPPER.createObjectNode();
        root.put("backend", model.backend());
        root.put("model", model.model());
        root.put("prompt", prompt);
        root.set("params", TokenJson.params(params));
        ArrayNode list = root.putArray("completions");
        for (Completion c : completions) {
            ObjectNode o = list.addObject();
            o.put("text", c.text());
            o.put("finish_reason", c.finish().label());
            o.set("tokens", TokenJson.tokens(c.tokens()));
        }
        return root;
    }
}
