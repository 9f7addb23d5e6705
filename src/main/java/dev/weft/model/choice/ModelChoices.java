package dev.weft.model.choice;

import dev.weft.config.BackendFlags;
import dev.weft.config.BackendResolver;
import dev.weft.config.BackendSpec;
import dev.weft.config.ConfigException;
import dev.weft.config.WeftConfig;
import dev.weft.model.http.DoctorLine;
import dev.weft.model.local.LocalModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The backends a user can switch to, as a list: what the loom's model picker and {@code :set backend}
 * offer. Pure: the config, the environment and the local model files found (by
 * {@link dev.weft.model.local.LocalModels}, which reads only headers) go in; nothing is opened or asked.
 * A choice whose reachability needs a probe starts as {@link Reach#CHECKING} ({@link ModelProbe} asks).
 */
public final class ModelChoices {
    /** The in-process n-gram model. */
    public static final String EMBEDDED = "embedded";
    /** {@code weft --gguf FILE} (and the environment variable of that name) name a model file for the loom. */
    public static final String GGUF_ENV = "WEFT_GGUF";
    /** What the loom calls the model file {@link #GGUF_ENV} names. */
    public static final String GGUF_ENV_NAME = "gguf";

    private ModelChoices() {}

    /**
     * The embedded model, the file {@code WEFT_GGUF} names, the config's profiles (by name), then the
     * runnable local model files (by the names their tools use; a profile of the same name wins).
     */
    public static List<ModelChoice> of(WeftConfig config, Map<String, String> env, List<LocalModel> local) {
        List<ModelChoice> out = new ArrayList<>();
        out.add(new ModelChoice(EMBEDDED, ModelChoice.Kind.EMBEDDED, "n-gram model (Europarl), in process",
                Reach.ready("in process")));
        String file = env.get(GGUF_ENV);
        if (file != null && !file.isBlank() && !config.profiles().containsKey(GGUF_ENV_NAME)) {
            out.add(new ModelChoice(GGUF_ENV_NAME, ModelChoice.Kind.MODEL_FILE,
                    BackendResolver.expandHome(file, env) + " (" + GGUF_ENV + ")", Reach.CHECKING));
        }
        for (String name : new TreeSet<>(config.profiles().keySet())) {
            out.add(profile(name, config, env));
        }
        Set<String> taken = new LinkedHashSet<>();
        out.forEach(c -> taken.add(c.name()));
        for (LocalModel m : local) {
            if (m.supported() && taken.add(m.name())) {
                out.add(new ModelChoice(m.name(), ModelChoice.Kind.MODEL_FILE,
                        m.store().label + " · " + m.path(), Reach.ready("in process · " + summary(m))));
            }
        }
        return List.copyOf(out);
    }

    private static ModelChoice profile(String name, WeftConfig config, Map<String, String> env) {
        try {
            BackendSpec spec = BackendResolver.resolve(new BackendFlags(name, null, null, null, null), config, env);
            return new ModelChoice(name, ModelChoice.Kind.PROFILE, spec.describe(), Reach.CHECKING);
        } catch (ConfigException e) {
            // a profile that does not resolve (its key's variable unset, no model) fails without asking anyone
            return new ModelChoice(name, ModelChoice.Kind.PROFILE, "profile '" + name + "'", Reach.fail(e.getMessage()));
        }
    }

    /** {@code fresh} with the reach already found for a choice of the same name and description. */
    public static List<ModelChoice> keepingReach(List<ModelChoice> fresh, List<ModelChoice> known) {
        Map<String, ModelChoice> byName = new HashMap<>();
        known.forEach(c -> byName.put(c.name(), c));
        List<ModelChoice> out = new ArrayList<>();
        for (ModelChoice c : fresh) {
            ModelChoice old = byName.get(c.name());
            out.add(old != null && old.what().equals(c.what()) && c.unprobed() ? c.withReach(old.reach()) : c);
        }
        return List.copyOf(out);
    }

    /** The names, in order: what {@code :set backend} completes. */
    public static List<String> names(List<ModelChoice> choices) {
        return choices.stream().map(ModelChoice::name).toList();
    }

    /**
     * The doctor's report on a backend in one reach: its worst line decides (a failure, else a warning,
     * else ready), and that line is the text.
     */
    public static Reach reach(List<DoctorLine> lines) {
        for (DoctorLine.Status worst : List.of(DoctorLine.Status.FAIL, DoctorLine.Status.WARN, DoctorLine.Status.OK)) {
            for (DoctorLine line : lines) {
                if (line.status() == worst) {
                    return new Reach(switch (worst) {
                        case FAIL -> Reach.Status.FAIL;
                        case WARN -> Reach.Status.WARN;
                        default -> Reach.Status.READY;
                    }, line.text());
                }
            }
        }
        return Reach.ready("answers");
    }

    /** A model file in a few words: {@code llama 1.2B Q8_0 · 1.2 GB}. */
    public static String summary(LocalModel m) {
        return m.architecture() + (m.parameters() > 0 ? " " + count(m.parameters()) : "") + " " + m.quantisation()
                + " · " + bytes(m.size());
    }

    /** A file size as {@code weft models} prints it: 1.2 GB, 138 MB, 12 KB. */
    public static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MB", n / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%d KB", Math.max(1, (n + 1023) / 1024));
    }

    /** A parameter count as {@code weft models} prints it: 1.2B, 135M, 12K. */
    public static String count(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1fB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.0fM", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.0fK", n / 1e3);
    }
}
