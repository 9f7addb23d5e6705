package dev.weft.tui.state;

import dev.weft.loom.SamplingParams;
import dev.weft.tui.keys.Keymap;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Theme;

/** What the user can set: sampling, look, keys, the backend, and the experiment views' settings. */
public record Settings(SamplingParams params, Theme theme, ColorDepth depth, Keymap keymap, Backend backend,
                       Experiments experiments) {

    public Settings(SamplingParams params, Theme theme, ColorDepth depth, Keymap keymap, Backend backend) {
        this(params, theme, depth, keymap, backend, Experiments.DEFAULTS);
    }

    public Settings withParams(SamplingParams p) {
        return new Settings(p, theme, depth, keymap, backend, experiments);
    }

    public Settings withTheme(Theme t) {
        return new Settings(params, t, depth, keymap, backend, experiments);
    }

    public Settings withDepth(ColorDepth d) {
        return new Settings(params, theme, d, keymap, backend, experiments);
    }

    public Settings withBackend(Backend b) {
        return new Settings(params, theme, depth, keymap, b, experiments);
    }

    public Settings withExperiments(Experiments e) {
        return new Settings(params, theme, depth, keymap, backend, e);
    }
}
