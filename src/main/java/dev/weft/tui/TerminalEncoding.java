package dev.weft.tui;

import com.googlecode.lanterna.SGR;
import dev.weft.tui.theme.Palette;
import java.nio.charset.StandardCharsets;

/**
 * What weft's terminal writes differently from Lanterna 3.1.3's ANSI terminal:
 * <ul>
 *   <li>whole UTF-8 characters: Lanterna's encoder leaves a NUL byte after every two-byte
 *       character (é, ·, ×, Greek, Cyrillic), and encodes the halves of a surrogate pair
 *       (emoji) separately;</li>
 *   <li>faint text: Lanterna has no SGR for it, so the screen buffer carries it as
 *       {@link Palette#FAINT} and this writes SGR 2. Bold and faint share their "off" code
 *       (SGR 22), so turning one off turns the other back on.</li>
 * </ul>
 */
final class TerminalEncoding {
    private static final byte[] NOTHING = new byte[0];
    private static final byte[] FAINT_ON = ascii("\u001b[2m");
    private static final byte[] BOLD_ON = ascii("\u001b[1m");
    private static final byte[] INTENSITY_OFF = ascii("\u001b[22m");

    private boolean bold;
    private boolean faint;
    private char pendingHigh;

    /** The bytes of one char of output; a high surrogate waits for its low half. */
    byte[] character(char c) {
        if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
            return NOTHING;
        }
        String s = Character.isLowSurrogate(c) && pendingHigh != 0 ? new String(new char[] {pendingHigh, c}) : String.valueOf(c);
        pendingHigh = 0;
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes that turn {@code sgr} on, or null when Lanterna's own are right. */
    byte[] enable(SGR sgr) {
        if (sgr == Palette.FAINT) {
            faint = true;
            return FAINT_ON;
        }
        if (sgr == SGR.BOLD) {
            bold = true;
        }
        return null;
    }

    /** The bytes that turn {@code sgr} off, or null when Lanterna's own are right. */
    byte[] disable(SGR sgr) {
        if (sgr != Palette.FAINT && sgr != SGR.BOLD) {
            return null;
        }
        faint = faint && sgr != Palette.FAINT;
        bold = bold && sgr != SGR.BOLD;
        byte[] on = bold ? BOLD_ON : faint ? FAINT_ON : NOTHING;
        byte[] out = new byte[INTENSITY_OFF.length + on.length];
        System.arraycopy(INTENSITY_OFF, 0, out, 0, INTENSITY_OFF.length);
        System.arraycopy(on, 0, out, INTENSITY_OFF.length, on.length);
        return out;
    }

    void reset() {
        bold = false;
        faint = false;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
