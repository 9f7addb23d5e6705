package dev.weft.replay;

import dev.weft.loom.DisplayText;

/** Where two texts part, in a few words: for reports that compare what two models wrote. */
final class TextDifference {
    private static final int SHOWN = 16;

    private TextDifference() {}

    /** {@code at char N: "…recorded…" / "…new…"}, or "none" when the texts are equal. */
    static String describe(String recorded, String now) {
        int at = 0;
        int shorter = Math.min(recorded.length(), now.length());
        while (at < shorter && recorded.charAt(at) == now.charAt(at)) {
            at++;
        }
        if (at == recorded.length() && at == now.length()) {
            return "none";
        }
        if (at > 0 && Character.isHighSurrogate(recorded.charAt(at - 1))) {
            at--;
        }
        return "at char " + at + ": " + excerpt(recorded, at) + " / " + excerpt(now, at);
    }

    private static String excerpt(String text, int from) {
        if (from >= text.length()) {
            return "(end)";
        }
        int to = Math.min(text.length(), from + SHOWN);
        if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
            to--;
        }
        return "\"" + DisplayText.token(text.substring(from, to)) + (to < text.length() ? "…" : "") + "\"";
    }
}
