package dev.weft.session;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escapes for text that may be printed to a terminal (cat of a session file, an export,
 * --json output): besides the C0 controls JSON always escapes, DEL, the C1 controls (U+0080 to
 * U+009F: CSI, OSC, ST...) and the characters that reorder or break what is shown (bidi
 * overrides and isolates, line and paragraph separators) are written as {@code \}{@code uXXXX}.
 */
public final class TerminalSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    public TerminalSafeEscapes() {
        ascii[0x7f] = ESCAPE_STANDARD;
    }

    /** True for a character these escapes write as {@code \}{@code uXXXX} beyond JSON's own. */
    public static boolean escapes(int ch) {
        return ch == 0x7f || (ch >= 0x80 && ch <= 0x9f) || ch == 0x2028 || ch == 0x2029
                || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069);
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return escapes(ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
    }
}
