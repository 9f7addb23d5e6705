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
import dev.weft.config.BackendFlags;
import dev.weft.config.BackendSpec;
import dev.weft.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft open FILE}: the full-screen loom on a session file (a new one in sessions/ without FILE). */
@Command(name = "open", mixinStandardHelpOptions = true, description = {"Open the full-screen loom on a session file, created if missing.",
        "It starts on the backend named as the headless commands take it (--profile NAME, --api KIND --endpoint URL",
        "--model NAME, --gguf FILE, --corpus/--order), else the config's default; o in the loom switches.",
        "Without FILE, a new session in sessions/loom-YYYYMMDD-HHMMSS.json under the working directory.",
        "Keys: press ? in the loom, or see 'man -l man/weft.1'."})
final class OpenCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The session file.")
    Path file;

    @Option(names = "--colors", paramLabel = "DEPTH",
            description = "none, 16, 256 or truecolor (default: the config's, else from NO_COLOR, COLORTERM and TERM).")
    String colors;

    /** The backend to start with, as the headless commands take it (the model picker, o, switches later). */
    @Mixin ModelOptions backend;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> env = new HashMap<>(System.getenv());
        LoomApp.Launch launch = new LoomApp.Launch(file, ModelOptions.configPath(), embeddedSource(backend.embedded), colors);
        try {
            BackendFlags flags = backend.flags();
            if (backend.gguf != null) {
                backend.spec(); // refuses --gguf with server flags
                env.put(ConfiguredBackends.GGUF_ENV, backend.gguf.toString());
            } else if (flags.api() != null || flags.endpoint() != null || flags.model() != null || flags.apiKeyEnv() != null) {
                BackendSpec spec = backend.spec();
                if (spec instanceof BackendSpec.Remote remote) {
                    launch = launch.withBackend(ConfiguredBackends.FLAGS_NAME, remote);
                } else if (flags.profile() != null) {
                    launch = launch.withBackend(flags.profile(), null);
                }
            } else if (flags.profile() != null) {
                backend.spec(); // an unknown profile is refused here, naming the config's profiles
                launch = launch.withBackend(flags.profile(), null);
            }
        } catch (ConfigException e) {
            err.println("weft: " + e.getMessage());
            return 2;
        }
        if (backend.kvCacheMb != null) {
            if (backend.kvCacheMb < 0) {
                err.println("weft: --kv-cache-mb " + backend.kvCacheMb + ": must be 0 or more megabytes");
                return 2;
            }
            env.put("WEFT_KV_CACHE_MB", Integer.toString(backend.kvCacheMb));
        }
        return LoomApp.run(launch, env, err);
    }

    /** The embedded model the options name: the default one (known before it loads), or one of --corpus/--order. */
    private static ModelSource embeddedSource(EmbeddedOptions options) {
        if (options == null || options.corpus == null && options.order == EmbeddedModel.DEFAULT_ORDER) {
            return EMBEDDED;
        }
        return notices -> {
            TrainingCorpus source = options.corpus == null ? TrainingCorpus.europarl() : TrainingCorpus.file(options.corpus);
            EmbeddedModel model = EmbeddedModel.open(source, options.order, ModelOptions.cache());
            report(model, notices);
            return model;
        };
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
        report(model, notices);
        return model;
    }

    private static void report(EmbeddedModel model, Notices notices) {
        LoadReport report = model.loadReport();
        if (!report.fromCache()) {
            notices.notice(String.format(Locale.ROOT, "trained the embedded model %s in %.1f s (cached in %s)",
                    model.model(), report.elapsed().toMillis() / 1000.0, report.cacheFile().getParent()));
        }
        report.cacheProblem().ifPresent(notices::notice);
    }
}
