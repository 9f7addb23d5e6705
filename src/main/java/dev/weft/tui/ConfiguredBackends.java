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
    private LanguageModel embedded;

    public ConfiguredBackends(WeftConfig config, Map<String, String> env, ModelSource embedded, Notices notices) {
        this.config = config;
        this.env = Map.copyOf(env);
        this.embeddedSource = embedded;
        this.http = HttpSettings.DEFAULTS.withNotices(notices);
        this.notices = notices;
    }

    /** The backend to start with: the config's default profile, else the embedded model. */
    public String initial() {
        return config.defaultProfile() != null ? config.defaultProfile() : EMBEDDED;
    }

    @Override
    public List<String> names() {
        List<String> out = new ArrayList<>();
        out.add(EMBEDDED);
        out.addAll(new TreeSet<>(config.profiles().keySet()));
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
        try {
            BackendSpec spec = BackendResolver.resolve(new BackendFlags(name, null, null, null, null), config, env);
            if (spec instanceof BackendSpec.Remote remote) {
                return Backends.open(remote, http);
            }
            return open(EMBEDDED);
        } catch (ConfigException e) {
            throw new ModelException(e.getMessage());
        }
    }
}
