package dev.weft.tui.render;

import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import dev.weft.tui.theme.Theme;

/** Lets tests outside the package ask how a scored edit token looks. */
public final class TokenStylesProbe {
    private TokenStylesProbe() {}

    public static Style edited(Theme theme, double p) {
        return TokenStyles.edited(theme.style(Part.EDITED), theme.probability(p), theme.paintsBackground());
    }
}
