package dev.weft.tui.layout;

import dev.weft.loom.DisplayText;

/** A token's text for one line of a message or list: escaped, with its leading space made visible. */
public final class Quote {
    private Quote() {}

    /** {@code " the\n"} → {@code "␣the↵"}, with quotes. */
    public static String token(String text) {
        return "\"" + bare(text) + "\"";
    }

    /** Without quotes; an empty token is shown as ∅. */
    public static String bare(String text) {
        if (text.isEmpty()) {
            return "∅";
        }
        String shown = DisplayText.token(text);
        int spaces = 0;
        while (spaces < shown.length() && shown.charAt(spaces) == ' ') {
            spaces++;
        }
        return "␣".repeat(spaces) + shown.substring(spaces);
    }
}
