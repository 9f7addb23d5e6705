package dev.weft.tui.theme;

import java.util.Locale;
import java.util.Map;

/** How many colours the terminal shows. Detected from the environment; a flag or config key overrides it. */
public enum ColorDepth {
    NONE, ANSI16, ANSI256, TRUECOLOR;

    /**
     * {@code NO_COLOR} (non-empty) → none; {@code COLORTERM} truecolor/24bit → 24-bit;
     * {@code TERM} with 256color → 256; {@code TERM=dumb} → none; otherwise 16.
     */
    public static ColorDepth detect(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
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

    /** Parses {@code none|16|256|truecolor} (also {@code mono}, {@code 24bit}). */
    public static ColorDepth parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "none", "mono", "monochrome", "0" -> NONE;
            case "16", "ansi", "ansi16" -> ANSI16;
            case "256", "ansi256" -> ANSI256;
            case "truecolor", "24bit", "24-bit", "rgb" -> TRUECOLOR;
            default -> throw new IllegalArgumentException("unknown colour depth '" + text + "': use none, 16, 256 or truecolor");
        };
    }

    public String label() {
        return switch (this) {
            case NONE -> "none";
            case ANSI16 -> "16";
            case ANSI256 -> "256";
            case TRUECOLOR -> "truecolor";
        };
    }
}
