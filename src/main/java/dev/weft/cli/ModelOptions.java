package dev.weft.cli;

import dev.weft.config.BackendFlags;
import dev.weft.config.BackendResolver;
import dev.weft.config.BackendSpec;
import dev.weft.config.ConfigException;
import dev.weft.config.ConfigFile;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.embedded.EmbeddedModel;
import dev.weft.model.embedded.ModelCache;
import dev.weft.model.gguf.GgufModel;
import dev.weft.model.http.Backends;
import dev.weft.model.http.HttpSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which model a command talks to: a GGUF model file, a profile from the config file, a server
 * given by flags, or (with none of these) the embedded model.
 */
final class ModelOptions {
    /** Where tests (and the curious) point the config file and model cache instead of the user's own. */
    static final String CONFIG_PROPERTY = "weft.config";
    static final String CACHE_PROPERTY = "weft.cache";

    @Option(names = "--profile", paramLabel = "NAME", description = "A backend profile from the config file.")
    String profile;

    @Option(names = "--api", paramLabel = "KIND",
            description = "Backend kind: openai-completions, openai-chat, llamacpp or ollama.")
    String api;

    @Option(names = "--endpoint", paramLabel = "URL", description = "The server's base URL (e.g. http://localhost:8000/v1).")
    String endpoint;

    @Option(names = "--model", paramLabel = "NAME", description = "Model name as the server knows it.")
    String model;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable that holds the API key.")
    String apiKeyEnv;

    @Option(names = "--gguf", paramLabel = "FILE",
            description = "Run this GGUF model file in process (no server): every token's probability, any text scored.")
    Path gguf;

    @Option(names = "--kv-cache-mb", paramLabel = "MB",
            description = "Memory for a model file's key/value cache, kept along the loom's paths (default: "
                    + "WEFT_KV_CACHE_MB, else a quarter of the heap); 0 keeps nothing between requests.")
    Integer kvCacheMb;

    @Mixin EmbeddedOptions embedded;

    BackendSpec spec() throws ConfigException {
        if (gguf != null) {
            if (profile != null || api != null || endpoint != null || model != null || apiKeyEnv != null) {
                throw new ConfigException("--gguf FILE runs a model file; it cannot be combined with --profile, --api,"
                        + " --endpoint, --model or --api-key-env");
            }
            return new BackendSpec.Gguf(null, gguf);
        }
        return BackendResolver.resolve(flags(), ConfigFile.load(configPath()), System.getenv());
    }

    BackendFlags flags() {
        return new BackendFlags(profile, api, endpoint, model, apiKeyEnv);
    }

    static Path configPath() {
        String override = System.getProperty(CONFIG_PROPERTY);
        return override != null ? Path.of(override) : ConfigFile.defaultPath(System.getenv());
    }

    static ModelCache cache() {
        String override = System.getProperty(CACHE_PROPERTY);
        return override != null ? ModelCache.at(Path.of(override)) : ModelCache.userDefault();
    }

    LanguageModel open(PrintWriter err, boolean debug) throws ModelException, ConfigException {
        if (kvCacheMb != null && kvCacheMb < 0) {
            throw new ConfigException("--kv-cache-mb " + kvCacheMb + ": must be 0 or more megabytes");
        }
        LanguageModel model = open(spec(), embedded, err, debug);
        if (kvCacheMb != null && model instanceof GgufModel file) {
            file.cacheBudget((long) kvCacheMb << 20);
        }
        return model;
    }

    /**
     * The backend a profile names, as {@code --vs} and {@code replay --against} take it: a profile
     * of the config file, or {@value EmbeddedModel#BACKEND} for the embedded model {@code embedded} describes.
     */
    static LanguageModel openProfile(String name, EmbeddedOptions embedded, PrintWriter err, boolean debug)
            throws ModelException, ConfigException {
        if (name.equals(EmbeddedModel.BACKEND)) {
            return embedded.open(err);
        }
        BackendFlags flags = new BackendFlags(name, null, null, null, null);
        return open(BackendResolver.resolve(flags, ConfigFile.load(configPath()), System.getenv()), embedded, err,
                debug);
    }

    private static LanguageModel open(BackendSpec spec, EmbeddedOptions embedded, PrintWriter err, boolean debug)
            throws ModelException {
        if (spec instanceof BackendSpec.Remote remote) {
            HttpSettings settings = HttpSettings.DEFAULTS
                    .withNotices(line -> {
                        err.println("weft: " + line);
                        err.flush();
                    })
                    .withDebug(debug ? line -> err.println("debug: " + line) : line -> {});
            return Backends.open(remote, settings);
        }
        if (spec instanceof BackendSpec.Gguf file) {
            return GgufModel.open(file.path());
        }
        return embedded.open(err);
    }
}
