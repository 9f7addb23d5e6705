package dev.weft.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalTextUtils;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * Blanks written as erases: a run of spaces that reaches the end of the row becomes one "erase
 * to end of line" (a highlighted tree row moving wrote ~100 padding spaces per row), a long run
 * inside a row "erase n characters" and a cursor step. Terminals erase with the current
 * background colour, so this holds for coloured rows too; not under attributes that show on a
 * blank (reverse, underline, strike-through), where the spaces are written as they are.
 *
 * <p>The terminal calls {@link #hold} for each character, {@link #release} before any other
 * output, and reports cursor moves, so the column is known; after a character whose width is
 * uncertain (a surrogate pair) nothing is erased until the cursor is placed again.
 */
final class BlankRuns {
    /** Shorter runs are cheaper as spaces than as an erase and a cursor step. */
    static final int MIN_RUN = 8;
    private static final int UNKNOWN = Integer.MIN_VALUE / 2;
    private static final byte[] NONE = new byte[0];
    private static final Set<SGR> SHOWN_ON_BLANKS = EnumSet.of(SGR.REVERSE, SGR.UNDERLINE, SGR.CROSSED_OUT,
            SGR.BORDERED, SGR.CIRCLED);

    private final EnumSet<SGR> active = EnumSet.noneOf(SGR.class);
    private int width = Integer.MAX_VALUE;
    private int column = UNKNOWN;
    private int pending;

    /** True when {@code c} is a blank kept back for later; false when it must be written now. */
    boolean hold(char c) {
        if (c != ' ' || column < 0 || !erasable()) {
            return false;
        }
        pending++;
        column++;
        return true;
    }

    /** After a character was written. */
    void advance(char c) {
        if (Character.isSurrogate(c)) {
            column = UNKNOWN;
        } else if (TerminalTextUtils.isPrintableCharacter(c)) {
            column += TerminalTextUtils.isCharDoubleWidth(c) ? 2 : 1;
        }
    }

    void movedTo(int x) {
        column = x;
    }

    void width(int columns) {
        width = columns;
    }

    void enabled(SGR sgr) {
        active.add(sgr);
    }

    void disabled(SGR sgr) {
        active.remove(sgr);
    }

    void reset() {
        active.clear();
    }

    /** The bytes for the blanks held back (empty when none), leaving the cursor where the spaces would have. */
    byte[] release() {
        int n = pending;
        if (n == 0) {
            return NONE;
        }
        pending = 0;
        String out;
        if (column >= width) {
            out = "\u001b[K"; // the cursor stays at the run's start; Lanterna places it before the next row
        } else if (n >= MIN_RUN) {
            out = "\u001b[" + n + "X\u001b[" + n + "C";
        } else {
            out = " ".repeat(n);
        }
        return out.getBytes(StandardCharsets.US_ASCII);
    }

    private boolean erasable() {
        for (SGR sgr : active) {
            if (SHOWN_ON_BLANKS.contains(sgr)) {
                return false;
            }
        }
        return true;
    }
}
