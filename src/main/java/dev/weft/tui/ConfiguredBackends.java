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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/** The backends {@code :set backend} offers: {@code embedded} and each profile of the config file. */
public final class ConfiguredBackends implements BackendCatalog {
    public static final String EMBEDDED = "embedded";

    private final WeftConfig config;
    private final Map<String, String> env;
    private final Supplier<LanguageModel> embedded;

    /** @param embedded opens the in-process model (called when it is chosen) */
    public ConfiguredBackends(WeftConfig config, Map<String, String> env, Supplier<LanguageModel> embedded) {
        this.config = config;
        this.env = Map.copyOf(env);
        this.embedded = embedded;
    }

    @Override
    public List<String> names() {
        List<String> out = new ArrayList<>();
        out.add(EMBEDDED);
        out.addAll(new TreeSet<>(config.profiles().keySet()));
        return out;
    }

    @Override
    public LanguageModel open(String name) throws ModelException {
        if (name.equals(EMBEDDED)) {
            return embedded.get();
        }
        try {
            BackendSpec spec = BackendResolver.resolve(new BackendFlags(name, null, null, null, null), config, env);
            return Backends.open(spec, embedded, HttpSettings.DEFAULTS);
        } catch (ConfigException e) {
            throw new ModelException(e.getMessage());
        }
    }
}
