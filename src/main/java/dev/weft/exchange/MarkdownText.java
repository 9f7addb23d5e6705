package dev.weft.exchange;

import dev.weft.loom.DisplayText;

/**
 * Builds Markdown that shows text literally, piece by piece (a token at a time), so markup can be
 * added between the pieces. Inline markup characters are escaped wherever they are; the ones that
 * only mean something at the start of a line (headings, list items, quotes) only there. Control
 * characters become visible symbols, and a newline is a hard line break.
 */
final class MarkdownText {
    private static final String INLINE = "\\`*_[]<>|~&";
    private static final String LINE_START = "#-+=>";

    private final StringBuilder out = new StringBuilder();
    /** Only spaces since the last line break: block markup would be read here. */
    private boolean lineStart = true;
    /** Only digits since the line start: "1." or "1)" would start a list. */
    private boolean listNumber;

    /** Appends {@code text} to be shown as it is. */
    MarkdownText text(String text) {
        for (char c : DisplayText.safe(text, true).toCharArray()) {
            append(c);
        }
        return this;
    }

    /** Appends markup as it is. */
    MarkdownText markup(String markup) {
        out.append(markup);
        lineStart = false;
        listNumber = false;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void append(char c) {
        if (c == '\n') {
            out.append("\\\n");
            lineStart = true;
            listNumber = false;
            return;
        }
        boolean escape = INLINE.indexOf(c) >= 0 || lineStart && LINE_START.indexOf(c) >= 0
                || listNumber && (c == '.' || c == ')');
        if (escape) {
            out.append('\\');
        }
        out.append(c);
        listNumber = (lineStart || listNumber) && c >= '0' && c <= '9';
        lineStart = lineStart && c == ' ';
    }
}
