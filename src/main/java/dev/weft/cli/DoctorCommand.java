package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.config.BackendFlags;
import dev.weft.config.BackendResolver;
import dev.weft.config.BackendSpec;
import dev.weft.config.ConfigException;
import dev.weft.config.ConfigFile;
import dev.weft.config.WeftConfig;
import dev.weft.model.ModelException;
import dev.weft.model.embedded.EmbeddedModel;
import dev.weft.model.gguf.GgufModel;
import dev.weft.model.gguf.KvCacheProbe;
import dev.weft.model.gguf.ModelInfo;
import dev.weft.model.embedded.TrainingCorpus;
import dev.weft.model.http.Doctor;
import dev.weft.model.http.DoctorLine;
import dev.weft.model.http.HttpSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check what works: the terminal, the config, the embedded model, each backend profile",
                "and a model file given with --gguf (architecture, size, quantisation, threads, Vector API).",
                "For a profile: reachability, the model, what the server says about itself, and the",
                "capabilities weft assumes. For a model file, a check of its key/value cache: an edit's",
                "re-score reuses the positions before the edit and agrees with a recomputation; the cache's",
                "budget, use and hit rate. Exit 1 when something fails."})
final class DoctorCommand implements Callable<Integer> {
    private static final HttpSettings PROBE = HttpSettings.DEFAULTS.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5));

    @Mixin ModelOptions modelOptions;

    @picocli.CommandLine.Option(names = "--json", description = "Print one JSON object: every check with its status,"
            + " and each model file's key/value cache figures.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        List<DoctorLine> lines = new ArrayList<>();
        List<ObjectNode> caches = new ArrayList<>();
        lines.add(DoctorLine.ok("weft " + new Main.Version().getVersion()[0].substring(5) + " on Java "
                + Runtime.version().feature()));
        terminal(env, lines);
        WeftConfig config = config(lines);
        embedded(lines);
        TreeSet<String> names = new TreeSet<>(config.profiles().keySet());
        BackendFlags flags = modelOptions.flags();
        if (flags.profile() != null) {
            remote(flags, config, env, lines, caches); // --profile NAME checks that one profile only
        } else {
            for (String name : names) {
                remote(new BackendFlags(name, null, null, null, null), config, env, lines, caches);
            }
            if (flags.api() != null) {
                remote(flags, config, env, lines, caches);
            }
        }
        if (modelOptions.gguf != null) {
            gguf(new BackendSpec.Gguf(null, modelOptions.gguf), modelOptions.kvCacheMb, lines, caches);
        }
        if (names.isEmpty() && flags.api() == null && modelOptions.gguf == null) {
            lines.add(DoctorLine.info("no backend profiles: weft uses the embedded model (add profiles to "
                    + ModelOptions.configPath() + ")"));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(DoctorJson.of(lines, caches));
        } else {
            for (DoctorLine line : lines) {
                out.printf(Locale.ROOT, "%-4s %s%n", symbol(line.status()), line.text());
            }
        }
        return lines.stream().anyMatch(l -> l.status() == DoctorLine.Status.FAIL) ? 1 : 0;
    }

    private static void terminal(Map<String, String> env, List<DoctorLine> lines) {
        boolean tty = System.console() != null;
        ColorDepth depth = ColorDepth.detect(false, env, tty);
        String term = env.getOrDefault("TERM", "(unset)");
        String colorterm = env.getOrDefault("COLORTERM", "(unset)");
        lines.add(tty ? DoctorLine.ok("terminal: TERM=" + term + ", COLORTERM=" + colorterm + " → colours: "
                        + depth.name().toLowerCase(Locale.ROOT))
                : DoctorLine.warn("standard output is not a terminal: no colour, and the full-screen loom needs one"));
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            lines.add(DoctorLine.info("NO_COLOR is set: probability is shown by bold / normal / dim / underline"));
        }
        String locale = env.getOrDefault("LC_ALL", env.getOrDefault("LC_CTYPE", env.getOrDefault("LANG", "")));
        if (!locale.toUpperCase(Locale.ROOT).replace("-", "").contains("UTF8")) {
            lines.add(DoctorLine.warn("locale '" + locale + "' does not say UTF-8: block and bar characters may "
                    + "show as '?' (set LANG=C.UTF-8)"));
        }
    }

    private static WeftConfig config(List<DoctorLine> lines) {
        Path path = ModelOptions.configPath();
        if (!Files.exists(path)) {
            lines.add(DoctorLine.info("config: " + path + " does not exist (optional)"));
            return WeftConfig.EMPTY;
        }
        try {
            WeftConfig config = ConfigFile.load(path);
            lines.add(DoctorLine.ok("config: " + path + ", profiles: " + config.profileNames()
                    + (config.defaultProfile() == null ? "" : ", default: " + config.defaultProfile())));
            return config;
        } catch (ConfigException e) {
            lines.add(DoctorLine.fail("config: " + e.getMessage()));
            return WeftConfig.EMPTY;
        }
    }

    private static void embedded(List<DoctorLine> lines) {
        try {
            Path file = ModelOptions.cache().fileFor(TrainingCorpus.europarl(), EmbeddedModel.DEFAULT_ORDER);
            lines.add(Files.exists(file)
                    ? DoctorLine.ok("embedded model: trained and cached in " + file.getParent())
                    : DoctorLine.info("embedded model: trains on first use (a few seconds), then cached in "
                            + file.getParent()));
        } catch (Exception e) {
            lines.add(DoctorLine.fail("embedded model: " + e.getMessage()));
        }
    }

    private static void remote(BackendFlags flags, WeftConfig config, Map<String, String> env, List<DoctorLine> lines,
                               List<ObjectNode> caches) {
        try {
            BackendSpec spec = BackendResolver.resolve(flags, config, env);
            if (spec instanceof BackendSpec.Remote remote) {
                lines.addAll(Doctor.report(remote, Doctor.probe(remote, PROBE)));
            } else if (spec instanceof BackendSpec.Gguf file) {
                gguf(file, null, lines, caches);
            }
        } catch (ConfigException e) {
            lines.add(DoctorLine.fail((flags.profile() == null ? "" : "profile " + flags.profile() + ": ") + e.getMessage()));
        }
    }

    /** Loads the model file (mapping it costs little) and says what it is and how it will run. */
    private static void gguf(BackendSpec.Gguf spec, Integer kvCacheMb, List<DoctorLine> lines, List<ObjectNode> caches) {
        String who = (spec.profile() == null ? "--gguf" : "profile " + spec.profile()) + ": ";
        try (GgufModel model = GgufModel.open(spec.path())) {
            ModelInfo info = model.info();
            if (kvCacheMb != null && kvCacheMb >= 0) {
                model.cacheBudget((long) kvCacheMb << 20);
            }
            lines.add(DoctorLine.ok(who + spec.path() + ": " + info.summary()));
            lines.add(DoctorLine.info(who + "runs in process: " + info.runtime()
                    + "; every token's probability, prompt scoring"));
            lines.add(DoctorLine.info(who + model.cacheDescription()));
            KvCacheProbe probe = KvCacheProbe.run(model);
            lines.add(probe.exact() ? DoctorLine.ok(who + "kv cache: " + probe.describe())
                    : DoctorLine.fail(who + "kv cache: " + probe.describe() + " (a bug: please report it)"));
            caches.add(DoctorJson.cache(spec.profile() == null ? "--gguf" : spec.profile(), spec.path().toString(),
                    model.cacheStats(), model.cacheBytesPerPosition(), probe));
            if (!info.kernels().startsWith("Vector")) {
                lines.add(DoctorLine.warn(who + "the Vector API is not in use: start java with --add-modules "
                        + "jdk.incubator.vector (the weft launcher does so when a model file is named)"));
            }
        } catch (ModelException e) {
            lines.add(DoctorLine.fail(who + e.getMessage()));
        }
    }

    private static String symbol(DoctorLine.Status status) {
        return switch (status) {
            case OK -> "ok";
            case WARN -> "warn";
            case FAIL -> "FAIL";
            case INFO -> "--";
        };
    }
}
