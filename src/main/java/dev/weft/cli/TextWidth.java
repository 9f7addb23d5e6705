package dev.weft.cli;

/**
 * How many terminal columns text takes, for aligning plain output: combining marks take none,
 * East Asian wide characters and most emoji take two. (The TUI measures with Lanterna; headless
 * output does not load it.)
 */
final class TextWidth {
    private static final String ELLIPSIS = "…";

    private TextWidth() {}

    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += columns(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /** The text cut to at most {@code width} columns, ending in … when cut. */
    static String fit(String text, int width) {
        if (of(text) <= width) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (used + columns(cp) > width - 1) {
                break;
            }
            out.appendCodePoint(cp);
            used += columns(cp);
            i += Character.charCount(cp);
        }
        return width <= 0 ? "" : out + ELLIPSIS;
    }

    /** The text fitted and padded with spaces to exactly {@code width} columns. */
    static String pad(String text, int width) {
        String fitted = fit(text, width);
        return fitted + " ".repeat(Math.max(0, width - of(fitted)));
    }

    private static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0x200B) {
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
