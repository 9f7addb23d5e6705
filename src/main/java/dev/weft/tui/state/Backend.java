package dev.weft.tui.state;

import dev.weft.model.Capabilities;

/**
 * The model in use, as the UI needs to know it: names for the status bar and generation records, and what it can do.
 *
 * @param defaultedWhenOff parameters the backend leaves out when off, so the server's defaults apply (see
 *                         {@link dev.weft.model.LanguageModel#defaultedWhenOff()})
 */
public record Backend(String name, String kind, String model, Capabilities capabilities, java.util.Set<String> defaultedWhenOff) {
    public Backend(String name, String kind, String model, Capabilities capabilities) {
        this(name, kind, model, capabilities, java.util.Set.of());
    }

    public Backend {
        defaultedWhenOff = java.util.Set.copyOf(defaultedWhenOff);
    }
}
