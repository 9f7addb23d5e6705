package dev.weft.tui;

import dev.weft.config.BackendFlags;
import dev.weft.config.BackendResolver;
import dev.weft.config.BackendSpec;
import dev.weft.config.ConfigException;
import dev.weft.config.WeftConfig;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.http.Backends;
import dev.weft.model.http.HttpSettings;
import dev.weft.model.http.Notices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The backends the loom can use: {@value #EMBEDDED} and each profile of the config file. The
 * embedded model is opened once and kept; servers' notices (alternatives capped, a stream cut
 * short) go to {@code notices}, which the loom shows in its message line.
 */
public final class ConfiguredBackends implements BackendCatalog {
    public static final String EMBEDDED = "embedded";

    private final WeftConfig config;
    private final Map<String, String> env;
    private final ModelSource embeddedSource;
    private final HttpSettings http;
    private final Notices notices;
    private final java.nio.file.Path configFile;
    private LanguageModel embedded;
    /** Model files stay open once loaded: switching back to one is then instant. */
    private final Map<String, LanguageModel> modelFiles = new java.util.HashMap<>();
    /** The runnable GGUF files other tools keep (weft models), found off the UI thread as the loom starts. */
    private final java.util.concurrent.CompletableFuture<List<dev.weft.model.local.LocalModel>> local;

    public ConfiguredBackends(WeftConfig config, Map<String, String> env, ModelSource embedded, Notices notices) {
        this(config, null, env, embedded, notices);
    }

    /** With the config file's path, where the answer to the start screen's offer is remembered. */
    public ConfiguredBackends(WeftConfig config, java.nio.file.Path configFile, Map<String, String> env,
                              ModelSource embedded, Notices notices) {
        this.config = config;
        this.configFile = configFile;
        this.env = Map.copyOf(env);
        this.embeddedSource = embedded;
        this.http = HttpSettings.DEFAULTS.withNotices(notices);
        this.notices = notices;
        this.local = java.util.concurrent.CompletableFuture.supplyAsync(() -> localModels(config, this.env),
                runnable -> {
                    Thread t = new Thread(runnable, "weft-local-models");
                    t.setDaemon(true);
                    t.start();
                });
    }

    private static List<dev.weft.model.local.LocalModel> localModels(WeftConfig config, Map<String, String> env) {
        List<String> folders = List.of();
        try {
            if (config.source() != null) {
                folders = dev.weft.config.ModelFolders.read(config.source());
            }
        } catch (ConfigException e) {
            // the config's own error is reported where profiles are read; the stores are still listed
        }
        return new dev.weft.model.local.LocalModels(dev.weft.model.local.StoreLocations.of(env), folders).scan()
                .supported();
    }

    /** The local models found so far (none until the search, which reads only headers, has finished). */
    private List<dev.weft.model.local.LocalModel> localModels() {
        return local.getNow(List.of()).stream().filter(m -> !config.profiles().containsKey(m.name())).toList();
    }

    /**
     * The model file to offer on the start screen, once the search has finished: when no profile
     * is configured, no model file is named ({@value #GGUF_ENV}), the config has not declined
     * offers, and a runnable model was found. The smallest is offered (the quickest on a CPU);
     * the others are counted.
     */
    public java.util.concurrent.CompletableFuture<java.util.Optional<dev.weft.tui.state.ModelOffer>> offer() {
        if (configFile == null || !config.profiles().isEmpty() || ggufFromEnv() != null
                || !dev.weft.config.ConfigEdits.offersLocalModels(configFile)) {
            return java.util.concurrent.CompletableFuture.completedFuture(java.util.Optional.empty());
        }
        return local.thenApply(found -> found.stream()
                .min(java.util.Comparator.comparingLong(dev.weft.model.local.LocalModel::size)
                        .thenComparing(dev.weft.model.local.LocalModel::name))
                .map(m -> new dev.weft.tui.state.ModelOffer(m.name(), about(m), m.path().toString(), found.size() - 1)));
    }

    /** "ollama · llama 1.2B Q8_0 · 1.2 GB" */
    private static String about(dev.weft.model.local.LocalModel m) {
        String size = m.size() >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1f GB", m.size() / (double) (1L << 30))
                : String.format(java.util.Locale.ROOT, "%d MB", Math.max(1, m.size() >> 20));
        String params = m.parameters() >= 1_000_000_000L ? String.format(java.util.Locale.ROOT, "%.1fB", m.parameters() / 1e9)
                : String.format(java.util.Locale.ROOT, "%dM", m.parameters() / 1_000_000);
        return m.store().label + " · " + m.architecture() + " " + params + " " + m.quantisation() + " · " + size;
    }

    @Override
    public void rememberOffer(dev.weft.tui.state.ModelOffer offer, boolean accepted) throws ModelException {
        if (configFile == null) {
            return;
        }
        try {
            if (accepted) {
                dev.weft.config.ConfigEdits.useLocalModel(configFile, offer.name(), java.nio.file.Path.of(offer.path()));
            } else {
                dev.weft.config.ConfigEdits.declineLocalModels(configFile);
            }
        } catch (ConfigException e) {
            throw new ModelException(e.getMessage());
        }
    }

    /** The backend to start with: a model file named by {@value #GGUF_ENV}, the config's default profile, else the embedded model. */
    public String initial() {
        if (ggufFromEnv() != null) {
            return GGUF_ENV_NAME;
        }
        return config.defaultProfile() != null ? config.defaultProfile() : EMBEDDED;
    }

    /** {@code weft --gguf FILE} (and the environment variable of that name) name a model file for the loom. */
    public static final String GGUF_ENV = "WEFT_GGUF";
    private static final String GGUF_ENV_NAME = "gguf";

    private String ggufFromEnv() {
        String file = env.get(GGUF_ENV);
        return file == null || file.isBlank() ? null : file;
    }

    private LanguageModel modelFile(String name, java.nio.file.Path path) throws ModelException {
        LanguageModel model = modelFiles.get(name);
        if (model == null) {
            model = dev.weft.model.gguf.GgufModel.open(path);
            modelFiles.put(name, model);
        }
        return model;
    }

    /** The model file a backend name runs in process (without opening it), or null for any other backend. */
    public java.nio.file.Path modelFileOf(String name) {
        if (name.equals(GGUF_ENV_NAME) && ggufFromEnv() != null && !config.profiles().containsKey(name)) {
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

    @Override
    public List<String> names() {
        List<String> out = new ArrayList<>();
        out.add(EMBEDDED);
        if (ggufFromEnv() != null && !config.profiles().containsKey(GGUF_ENV_NAME)) {
            out.add(GGUF_ENV_NAME);
        }
        out.addAll(new TreeSet<>(config.profiles().keySet()));
        for (dev.weft.model.local.LocalModel m : localModels()) {
            if (!out.contains(m.name())) {
                out.add(m.name());
            }
        }
        return out;
    }

    @Override
    public synchronized LanguageModel open(String name) throws ModelException {
        if (name.equals(EMBEDDED)) {
            if (embedded == null) {
                embedded = embeddedSource.open(notices);
            }
            return embedded;
        }
        if (name.equals(GGUF_ENV_NAME) && ggufFromEnv() != null && !config.profiles().containsKey(name)) {
            return modelFile(name, BackendResolver.expandHome(ggufFromEnv(), env));
        }
        if (!config.profiles().containsKey(name)) {
            for (dev.weft.model.local.LocalModel m : local.join()) {
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
