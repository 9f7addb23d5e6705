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
import dev.weft.model.embedded.TrainingCorpus;
import dev.weft.model.http.Backends;
import dev.weft.model.http.HttpSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Which model a command talks to: a profile from the config file, a server given by flags, or
 * (with none of these) the embedded model.
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

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "Train the embedded model on this UTF-8 text (one document per line) instead of Europarl.")
    Path corpus;

    @Option(names = "--order", paramLabel = "N", description = "Embedded model n-gram order, 1..5 (default ${DEFAULT-VALUE}).")
    int order = EmbeddedModel.DEFAULT_ORDER;

    BackendSpec spec() throws ConfigException {
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
        BackendSpec spec = spec();
        if (spec instanceof BackendSpec.Remote remote) {
            HttpSettings settings = HttpSettings.DEFAULTS
                    .withNotices(line -> {
                        err.println("weft: " + line);
                        err.flush();
                    })
                    .withDebug(debug ? line -> err.println("debug: " + line) : line -> {});
            return Backends.open(remote, settings);
        }
        return openEmbedded(err);
    }

    LanguageModel openEmbedded(PrintWriter err) throws ModelException {
        TrainingCorpus source = corpus == null ? TrainingCorpus.europarl() : TrainingCorpus.file(corpus);
        EmbeddedModel embedded = EmbeddedModel.open(source, order, cache());
        if (!embedded.loadReport().fromCache()) {
            err.printf(Locale.ROOT, "weft: trained the embedded model %s in %.1f s (cached in %s)%n", embedded.model(),
                    embedded.loadReport().elapsed().toMillis() / 1000.0, embedded.loadReport().cacheFile().getParent());
        }
        embedded.loadReport().cacheProblem().ifPresent(problem -> err.println("weft: " + problem));
        err.flush();
        return embedded;
    }
}
