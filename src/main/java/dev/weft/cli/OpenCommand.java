package dev.weft.cli;

import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.embedded.EmbeddedModel;
import dev.weft.model.embedded.LoadReport;
import dev.weft.model.embedded.TrainingCorpus;
import dev.weft.model.http.Notices;
import dev.weft.tui.ConfiguredBackends;
import dev.weft.tui.LoomApp;
import dev.weft.tui.ModelSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft open FILE}: the full-screen loom on a session file (a new one in sessions/ without FILE). */
@Command(name = "open", mixinStandardHelpOptions = true, description = {"Open the full-screen loom on a session file, created if missing.",
        "Without FILE, a new session in sessions/loom-YYYYMMDD-HHMMSS.json under the working directory.",
        "Keys: press ? in the loom, or see 'man -l man/weft.1'."})
final class OpenCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The session file.")
    Path file;

    @Option(names = "--colors", paramLabel = "DEPTH",
            description = "none, 16, 256 or truecolor (default: the config's, else from NO_COLOR, COLORTERM and TERM).")
    String colors;

    @Option(names = "--gguf", paramLabel = "MODEL", description = "Start with this GGUF model file, run in process.")
    Path gguf;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return launch(file, colors, null, gguf, spec.commandLine().getErr());
    }

    /** Opens the loom; {@code weft} and {@code weft FILE} come here too. Returns the exit code. */
    static int launch(Path file, String colors, PrintWriter err) {
        return launch(file, colors, null, err);
    }

    /** Opens the loom and runs {@code command} (a {@code :} line) once the session is open. */
    static int launch(Path file, String colors, String command, PrintWriter err) {
        return launch(file, colors, command, null, err);
    }

    /** With {@code gguf}, the loom starts on that model file (as {@code WEFT_GGUF} would make it). */
    static int launch(Path file, String colors, String command, Path gguf, PrintWriter err) {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (gguf != null) {
            env.put(ConfiguredBackends.GGUF_ENV, gguf.toString());
        }
        return LoomApp.run(new LoomApp.Launch(file, ModelOptions.configPath(), EMBEDDED, colors, command),
                env, err);
    }

    /** The default embedded model; known by name before it loads, so the loom need not wait for it. */
    private static final ModelSource EMBEDDED = new ModelSource() {
        @Override
        public LanguageModel open(Notices notices) throws ModelException {
            return embedded(notices);
        }

        @Override
        public Preview preview() {
            return new Preview(EmbeddedModel.BACKEND,
                    EmbeddedModel.nameFor(TrainingCorpus.EUROPARL, EmbeddedModel.DEFAULT_ORDER), EmbeddedModel.CAPABILITIES);
        }
    };

    private static EmbeddedModel embedded(Notices notices) throws ModelException {
        EmbeddedModel model = EmbeddedModel.open(TrainingCorpus.europarl(), EmbeddedModel.DEFAULT_ORDER, ModelOptions.cache());
        LoadReport report = model.loadReport();
        if (!report.fromCache()) {
            notices.notice(String.format(Locale.ROOT, "trained the embedded model %s in %.1f s (cached in %s)",
                    model.model(), report.elapsed().toMillis() / 1000.0, report.cacheFile().getParent()));
        }
        report.cacheProblem().ifPresent(notices::notice);
        return model;
    }
}
