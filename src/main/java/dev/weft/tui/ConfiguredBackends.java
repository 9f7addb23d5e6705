package dev.weft.tui;

import dev.weft.config.BackendFlags;
import dev.weft.config.BackendResolver;
import dev.weft.config.BackendSpec;
import dev.weft.config.ConfigEdits;
import dev.weft.config.ConfigException;
import dev.weft.config.ModelFolders;
import dev.weft.config.WeftConfig;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.choice.ModelChoice;
import dev.weft.model.choice.ModelChoices;
import dev.weft.model.choice.ModelProbe;
import dev.weft.model.choice.Reach;
import dev.weft.model.gguf.GgufModel;
import dev.weft.model.http.Backends;
import dev.weft.model.http.Doctor;
import dev.weft.model.http.HttpSettings;
import dev.weft.model.http.Notices;
import dev.weft.model.local.LocalModel;
import dev.weft.model.local.LocalModels;
import dev.weft.model.local.StoreLocations;
import dev.weft.tui.state.ModelOffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The backends the loom can use: {@value ModelChoices#EMBEDDED}, each profile of the config file, the
 * runnable model files other tools keep ({@code weft models}), and a server given by flags
 * ({@code weft open --api ...}). The embedded model and model files are opened once and kept; servers'
 * notices (alternatives capped, a stream cut short) go to {@code notices}, which the loom shows in its
 * message line.
 */
public final class ConfiguredBackends implements BackendCatalog {
    public static final String EMBEDDED = ModelChoices.EMBEDDED;
    public static final String GGUF_ENV = ModelChoices.GGUF_ENV;
    /** What the loom calls a server given by {@code --api KIND --endpoint URL --model NAME}. */
    public static final String FLAGS_NAME = "flags";

    private final WeftConfig config;
    private final Map<String, String> env;
    private final ModelSource embeddedSource;
    private final HttpSettings http;
    private final Notices notices;
    private final String start;
    private final BackendSpec.Remote flags;
    /** Where the answer to the start screen's offer is remembered; null: nowhere (and nothing is offered). */
    private final Path configFile;
    private LanguageModel embedded;
    /** Model files stay open once loaded: switching back to one is then instant. */
    private final Map<String, LanguageModel> modelFiles = new HashMap<>();
    /** The runnable GGUF files other tools keep (weft models), found off the UI thread as the loom starts. */
    private final CompletableFuture<List<LocalModel>> local;

    public ConfiguredBackends(WeftConfig config, Map<String, String> env, ModelSource embedded, Notices notices) {
        this(config, env, embedded, notices, null);
    }

    /**
     * @param start the backend chosen on the command line (a profile, {@value #FLAGS_NAME} for a server given by
     *              flags, {@value ModelChoices#GGUF_ENV_NAME} for {@code --gguf}), or null: the config's default
     * @param flags the server {@code --api} flags name, or null
     */
    public ConfiguredBackends(WeftConfig config, Map<String, String> env, ModelSource embedded, Notices notices,
                              String start, BackendSpec.Remote flags) {
        this(config, null, env, embedded, notices, start, flags);
    }

    /** As above, with the config file's path, where the answer to the start screen's offer is remembered. */
    public ConfiguredBackends(WeftConfig config, Path configFile, Map<String, String> env, ModelSource embedded,
                              Notices notices, String start, BackendSpec.Remote flags) {
        this(config, configFile, env, embedded, notices, start, flags, runnable -> {
            Thread t = new Thread(runnable, "weft-local-models");
            t.setDaemon(true);
            t.start();
        });
    }

    /** As above, looking for model files where {@code search} runs it (the loom: once its first frame is drawn). */
    public ConfiguredBackends(WeftConfig config, Path configFile, Map<String, String> env, ModelSource embedded,
                              Notices notices, String start, BackendSpec.Remote flags, Executor search) {
        this.config = config;
        this.configFile = configFile;
        this.env = Map.copyOf(env);
        this.embeddedSource = embedded;
        this.http = HttpSettings.DEFAULTS.withNotices(notices);
        this.notices = notices;
        this.start = start;
        this.flags = flags;
        this.local = CompletableFuture.supplyAsync(() -> localModels(config, this.env), search);
    }

    public ConfiguredBackends(WeftConfig config, Map<String, String> env, ModelSource embedded, Notices notices,
                              String start) {
        this(config, env, embedded, notices, start, null);
    }

    public ConfiguredBackends(WeftConfig config, Path configFile, Map<String, String> env, ModelSource embedded,
                              Notices notices) {
        this(config, configFile, env, embedded, notices, null, null);
    }

    private static List<LocalModel> localModels(WeftConfig config, Map<String, String> env) {
        List<String> folders = List.of();
        try {
            if (config.source() != null) {
                folders = ModelFolders.read(config.source());
            }
        } catch (ConfigException e) {
            // the config's own error is reported where profiles are read; the stores are still listed
        }
        return new LocalModels(StoreLocations.of(env), folders).scan().supported();
    }

    /** The backend to start with: the one named on the command line, a model file named by {@value #GGUF_ENV}, the config's default profile, else the embedded model. */
    public String initial() {
        if (start != null) {
            return start;
        }
        if (ggufFromEnv() != null) {
            return ModelChoices.GGUF_ENV_NAME;
        }
        return config.defaultProfile() != null ? config.defaultProfile() : EMBEDDED;
    }

    /**
     * The model file to offer on the start screen, once the search has finished: when no profile
     * is configured, no backend is named (on the command line or by {@value #GGUF_ENV}), the config
     * has not declined offers, and a runnable model was found. The smallest is offered (the
     * quickest on a CPU); the others are counted (the model picker lists them).
     */
    public CompletableFuture<Optional<ModelOffer>> offer() {
        if (configFile == null || !config.profiles().isEmpty() || start != null || flags != null || ggufFromEnv() != null
                || !ConfigEdits.offersLocalModels(configFile)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return local.thenApply(found -> found.stream()
                .min(Comparator.comparingLong(LocalModel::size).thenComparing(LocalModel::name))
                .map(m -> new ModelOffer(m.name(), about(m), m.path().toString(), found.size() - 1)));
    }

    /** "ollama · llama 1.2B Q8_0 · 1.2 GB" */
    private static String about(LocalModel m) {
        String size = m.size() >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", m.size() / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", Math.max(1, m.size() >> 20));
        String params = m.parameters() >= 1_000_000_000L ? String.format(Locale.ROOT, "%.1fB", m.parameters() / 1e9)
                : String.format(Locale.ROOT, "%dM", m.parameters() / 1_000_000);
        return m.store().label + " · " + m.architecture() + " " + params + " " + m.quantisation() + " · " + size;
    }

    @Override
    public void rememberOffer(ModelOffer offer, boolean accepted) throws ModelException {
        if (configFile == null) {
            return;
        }
        try {
            if (accepted) {
                ConfigEdits.useLocalModel(configFile, offer.name(), Path.of(offer.path()));
            } else {
                ConfigEdits.declineLocalModels(configFile);
            }
        } catch (ConfigException e) {
            throw new ModelException(e.getMessage());
        }
    }

    /** The model file a backend name runs in process (without opening it), or null for any other backend. */
    public Path modelFileOf(String name) {
        if (name.equals(ModelChoices.GGUF_ENV_NAME) && ggufFromEnv() != null && !config.profiles().containsKey(name)) {
            return BackendResolver.expandHome(ggufFromEnv(), env);
        }
        if (!config.profiles().containsKey(name)) {
            return null;
        }
        try {
            return BackendResolver.resolve(new BackendFlags(name, null, null, null, null), config, env)
                    instanceof BackendSpec.Gguf file ? file.path() : null;
        } catch (ConfigException e) {
            return null; // opening it says why
        }
    }

    private String ggufFromEnv() {
        String file = env.get(GGUF_ENV);
        return file == null || file.isBlank() ? null : file;
    }

    /** The embedded model on the corpus {@code embedded:CORPUS} names, trained once (and cached like the default one). */
    private LanguageModel embeddedOn(String name) throws ModelException {
        LanguageModel model = modelFiles.get(name);
        if (model != null) {
            return model;
        }
        String corpus = name.substring(EMBEDDED_ON.length()).strip();
        if (corpus.isEmpty()) {
            throw new ModelException("embedded:CORPUS names a text file to train on: embedded:examples/collapsed.txt");
        }
        String override = System.getProperty("weft.cache");
        dev.weft.model.embedded.ModelCache cache = override != null
                ? dev.weft.model.embedded.ModelCache.at(Path.of(override)) : dev.weft.model.embedded.ModelCache.userDefault();
        dev.weft.model.embedded.EmbeddedModel trained = dev.weft.model.embedded.EmbeddedModel.open(
                dev.weft.model.embedded.TrainingCorpus.file(BackendResolver.expandHome(corpus, env)),
                dev.weft.model.embedded.EmbeddedModel.DEFAULT_ORDER, cache);
        if (!trained.loadReport().fromCache()) {
            notices.notice(String.format(java.util.Locale.ROOT, "trained the embedded model %s in %.1f s",
                    trained.model(), trained.loadReport().elapsed().toMillis() / 1000.0));
        }
        modelFiles.put(name, trained);
        return trained;
    }

    private LanguageModel modelFile(String name, Path path) throws ModelException {
        LanguageModel model = modelFiles.get(name);
        if (model == null) {
            model = GgufModel.open(path);
            modelFiles.put(name, model);
        }
        return model;
    }

    @Override
    public List<ModelChoice> choices() {
        List<ModelChoice> out = new ArrayList<>();
        if (flags != null) {
            out.add(new ModelChoice(FLAGS_NAME, ModelChoice.Kind.PROFILE, flags.describe() + " (--api)", Reach.CHECKING));
        }
        out.addAll(ModelChoices.of(config, env, local.getNow(List.of())));
        return out;
    }

    @Override
    public CompletableFuture<?> searched() {
        return local;
    }

    @Override
    public Reach reach(ModelChoice choice) {
        if (flags != null && choice.name().equals(FLAGS_NAME)) {
            return ModelChoices.reach(Doctor.report(flags, Doctor.probe(flags, ModelProbe.SETTINGS)));
        }
        return new ModelProbe(config, env).reach(choice);
    }

    /** {@code embedded:CORPUS}: the embedded model trained on another text (a base-versus-tuned comparison offline). */
    public static final String EMBEDDED_ON = EMBEDDED + ":";
    /** {@code gguf:FILE}: a model file named by its path, for a view's second side. */
    public static final String GGUF_FILE = "gguf:";

    @Override
    public synchronized LanguageModel open(String name) throws ModelException {
        if (name.startsWith(EMBEDDED_ON) && !config.profiles().containsKey(name)) {
            return embeddedOn(name);
        }
        if (name.startsWith(GGUF_FILE) && !config.profiles().containsKey(name)) {
            String file = name.substring(GGUF_FILE.length()).strip();
            if (file.isEmpty()) {
                throw new ModelException("gguf:FILE names a model file: gguf:~/models/qwen2.5-0.5b-q8_0.gguf");
            }
            return modelFile(name, BackendResolver.expandHome(file, env));
        }
        if (name.equals(EMBEDDED)) {
            if (embedded == null) {
                embedded = embeddedSource.open(notices);
            }
            return embedded;
        }
        if (flags != null && name.equals(FLAGS_NAME)) {
            return Backends.open(flags, http);
        }
        if (name.equals(ModelChoices.GGUF_ENV_NAME) && ggufFromEnv() != null && !config.profiles().containsKey(name)) {
            return modelFile(name, BackendResolver.expandHome(ggufFromEnv(), env));
        }
        if (!config.profiles().containsKey(name)) {
            for (LocalModel m : local.join()) {
                if (m.name().equals(name)) {
                    return modelFile(name, m.path());
                }
            }
        }
        try {
            BackendSpec spec = BackendResolver.resolve(new BackendFlags(name, null, null, null, null), config, env);
            if (spec instanceof BackendSpec.Remote remote) {
                return Backends.open(remote, http);
            }
            if (spec instanceof BackendSpec.Gguf file) {
                return modelFile(name, file.path());
            }
            return open(EMBEDDED);
        } catch (ConfigException e) {
            throw new ModelException(e.getMessage());
        }
    }
}
