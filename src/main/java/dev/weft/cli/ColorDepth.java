package dev.weft.cli;

import java.util.Locale;
import java.util.Map;

/** How many colours the output terminal shows, from the environment as the ecosystem reads it. */
enum ColorDepth {
    NONE, ANSI16, ANSI256, TRUECOLOR;

    static ColorDepth detect(boolean noColorFlag, Map<String, String> env, boolean isTerminal) {
        String noColor = env.get("NO_COLOR");
        if (noColorFlag || (noColor != null && !noColor.isEmpty()) || !isTerminal) {
            return NONE;
        }
        String colorterm = env.getOrDefault("COLORTERM", "").toLowerCase(Locale.ROOT);
        if (colorterm.contains("truecolor") || colorterm.contains("24bit")) {
            return TRUECOLOR;
        }
        String term = env.getOrDefault("TERM", "").toLowerCase(Locale.ROOT);
        if (term.equals("dumb")) {
            return NONE;
        }
        return term.contains("256color") ? ANSI256 : ANSI16;
    }
}
