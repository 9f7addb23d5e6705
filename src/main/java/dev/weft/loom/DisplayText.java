package dev.weft.loom;

/**
 * Model output and session text are untrusted: a control character or escape sequence
 * written raw could move the cursor, recolour the screen or set the window title. These
 * functions turn every control character into a visible symbol before text reaches a terminal.
 */
public final class DisplayText {
    private DisplayText() {}

    /** Text safe for a terminal line: controls become visible symbols; newline and tab are kept when {@code keepLayout}. */
    public static String safe(String text, boolean keepLayout) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c, keepLayout);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /** One token's text for a single-line display: newlines and tabs shown as ↵ and →, controls as symbols. */
    public static String token(String text) {
        return safe(text.replace("\n", "↵").replace("\t", "→"), false);
    }

    private static String replacement(char c, boolean keepLayout) {
        if (keepLayout && (c == '\n' || c == '\t')) {
            return null;
        }
        if (c < 0x20) {
            return String.valueOf((char) (0x2400 + c)); // Unicode "control pictures": ␀ … ␟
        }
        if (c == 0x7f) {
            return "␡";
        }
        if (c >= 0x80 && c < 0xa0) {
            return String.format("\\x%02x", (int) c);
        }
        if (c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
            return String.format("\\u%04x", (int) c); // line separators and bidi overrides reorder what is shown
        }
        return null;
    }
}
