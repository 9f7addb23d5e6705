package dev.weft.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * The one way out of every headless command: {@link Main} wraps standard output and standard
 * error in it, so a string from a server, a session file, a config file or a model cannot drive
 * the terminal even where a command forgot to clean it. Control characters become visible:
 * C0 controls (CR, BEL, BS, NUL, ESC...) as Unicode control pictures ({@code ␛}), DEL and C1
 * controls, bidi overrides and line separators as {@code \}{@code u009b}-style escapes (which
 * are also valid escapes inside a JSON string, so --json output stays JSON). Newline and tab
 * pass, and so do SGR colour sequences ({@code ESC [ digits ; ... m}): weft's own colours;
 * they set colours and nothing else.
 */
final class TerminalSafeWriter extends Writer {
    /** Longer than any SGR weft writes ({@code ESC[38;2;255;255;255m} is 19). */
    private static final int LONGEST_SGR = 48;

    private final Writer out;
    /** An escape sequence begun but not yet complete (its end may come in the next write). */
    private final StringBuilder pending = new StringBuilder();

    TerminalSafeWriter(Writer out) {
        this.out = out;
    }

    /** The text as this writer lets it out (for tests and one-off strings). */
    static String clean(String text) {
        java.io.StringWriter s = new java.io.StringWriter();
        try (TerminalSafeWriter w = new TerminalSafeWriter(s)) {
            w.write(text);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return s.toString();
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) throws IOException {
        if (pending.isEmpty() && allPass(buffer, offset, length)) {
            out.write(buffer, offset, length); // most text (100,000 lines of weft tree) needs nothing shown otherwise
            return;
        }
        StringBuilder shown = new StringBuilder(length + 16);
        for (int i = offset; i < offset + length; i++) {
            accept(buffer[i], shown);
        }
        out.write(shown.toString());
    }

    /** Whether every char passes as it is ({@link #accept} would append it unchanged, and none begins an escape). */
    private static boolean allPass(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c < 0x20 ? c != '\n' && c != '\t'
                    : c >= 0x7f && (c < 0xa0 || c >= '\u2028' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069')) {
                return false;
            }
        }
        return true;
    }

    private void accept(char c, StringBuilder shown) {
        if (!pending.isEmpty()) {
            pending.append(c);
            if (pending.length() == 2 ? c == '[' : isSgrParameter(c) && pending.length() < LONGEST_SGR) {
                return; // still a possible colour sequence
            }
            if (pending.length() > 2 && c == 'm') {
                shown.append(pending); // complete: ESC [ params m
                pending.setLength(0);
                return;
            }
            // not a colour sequence: the ESC is shown, what followed it is read again as text
            String rest = pending.substring(1);
            pending.setLength(0);
            shown.append('␛');
            for (int k = 0; k < rest.length(); k++) {
                accept(rest.charAt(k), shown);
            }
            return;
        }
        if (c == 0x1b) {
            pending.append(c);
        } else if (c == '\n' || c == '\t') {
            shown.append(c);
        } else if (c < 0x20) {
            shown.append((char) (0x2400 + c));
        } else if (c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
            shown.append(String.format("\\u%04x", (int) c));
        } else {
            shown.append(c);
        }
    }

    private static boolean isSgrParameter(char c) {
        return (c >= '0' && c <= '9') || c == ';';
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush(); // a sequence still pending may complete with the next write
    }

    @Override
    public synchronized void close() throws IOException {
        if (!pending.isEmpty()) {
            String rest = pending.substring(1);
            pending.setLength(0);
            StringBuilder shown = new StringBuilder("␛");
            for (int k = 0; k < rest.length(); k++) {
                accept(rest.charAt(k), shown);
            }
            out.write(shown.toString());
        }
        out.flush();
    }
}
