package dev.weft.tui.state;

import dev.weft.loom.SamplingParams;
import dev.weft.tui.keys.Keymap;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Theme;

/** What the user can set: sampling, look, keys, and the backend. */
public record Settings(SamplingParams params, Theme theme, ColorDepth depth, Keymap keymap, Backend backend) {

    public Settings withParams(SamplingParams p) {
        return new Settings(p, theme, depth, keymap, backend);
    }

    public Settings withTheme(Theme t) {
        return new Settings(params, t, depth, keymap, backend);
    }

    public Settings withDepth(ColorDepth d) {
        return new Settings(params, theme, d, keymap, backend);
    }

    public Settings withBackend(Backend b) {
        return new Settings(params, theme, depth, keymap, b);
    }
}
