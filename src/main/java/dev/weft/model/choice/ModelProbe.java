package dev.weft.model.choice;

import dev.weft.config.BackendFlags;
import dev.weft.config.BackendResolver;
import dev.weft.config.BackendSpec;
import dev.weft.config.ConfigException;
import dev.weft.config.WeftConfig;
import dev.weft.model.http.Doctor;
import dev.weft.model.http.HttpSettings;
import dev.weft.model.local.LocalModel;
import dev.weft.model.local.LocalModels;
import dev.weft.model.local.LocalStore;
import java.time.Duration;
import java.util.Map;

/**
 * Asks whether a choice answers, as {@code weft doctor} does: a server's status endpoints (with short
 * timeouts), a model file's header. Slow (network, disk): call it off the UI thread.
 */
public final class ModelProbe {
    /** The doctor's timeouts: a server that does not answer in seconds is reported as such. */
    public static final HttpSettings SETTINGS = HttpSettings.DEFAULTS.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5));

    private final WeftConfig config;
    private final Map<String, String> env;

    public ModelProbe(WeftConfig config, Map<String, String> env) {
        this.config = config;
        this.env = Map.copyOf(env);
    }

    /** The choice's reach; one that needs no probe keeps its own. */
    public Reach reach(ModelChoice choice) {
        if (!choice.unprobed()) {
            return choice.reach();
        }
        try {
            BackendSpec spec = choice.name().equals(ModelChoices.GGUF_ENV_NAME) && choice.kind() == ModelChoice.Kind.MODEL_FILE
                    ? new BackendSpec.Gguf(null, BackendResolver.expandHome(env.get(ModelChoices.GGUF_ENV), env))
                    : BackendResolver.resolve(new BackendFlags(choice.name(), null, null, null, null), config, env);
            if (spec instanceof BackendSpec.Remote remote) {
                return ModelChoices.reach(Doctor.report(remote, Doctor.probe(remote, SETTINGS)));
            }
            if (spec instanceof BackendSpec.Gguf file) {
                LocalModel m = LocalModels.describe(LocalStore.CONFIG, choice.name(), file.path());
                return m.supported() ? Reach.ready("in process · " + ModelChoices.summary(m))
                        : Reach.fail(file.path() + ": " + m.unsupported());
            }
            return Reach.ready("in process");
        } catch (ConfigException e) {
            return Reach.fail(e.getMessage());
        } catch (RuntimeException e) {
            return Reach.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
