package dev.weft.tui.state;

import dev.weft.model.Capabilities;
import dev.weft.model.KvCacheStats;

/**
 * The model in use, as the UI needs to know it: names for the status bar and generation records, and what it can do.
 *
 * @param defaultedWhenOff parameters the backend leaves out when off, so the server's defaults apply (see
 *                         {@link dev.weft.model.LanguageModel#defaultedWhenOff()})
 * @param cache            the in-process model's key/value cache use and hit rate, as last reported; null for a
 *                         model without one (a server, the embedded model) or before it has reported
 */
public record Backend(String name, String kind, String model, Capabilities capabilities,
                      java.util.Set<String> defaultedWhenOff, KvCacheStats cache) {
    public Backend(String name, String kind, String model, Capabilities capabilities) {
        this(name, kind, model, capabilities, java.util.Set.of(), null);
    }

    public Backend(String name, String kind, String model, Capabilities capabilities,
                   java.util.Set<String> defaultedWhenOff) {
        this(name, kind, model, capabilities, defaultedWhenOff, null);
    }

    public Backend {
        defaultedWhenOff = java.util.Set.copyOf(defaultedWhenOff);
    }

    public Backend withCache(KvCacheStats stats) {
        return new Backend(name, kind, model, capabilities, defaultedWhenOff, stats);
    }
}
