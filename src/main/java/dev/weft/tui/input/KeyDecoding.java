package dev.weft.tui.input;

import com.googlecode.lanterna.input.AltAndCharacterPattern;
import com.googlecode.lanterna.input.BasicCharacterPattern;
import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.CtrlAltAndCharacterPattern;
import com.googlecode.lanterna.input.EscapeSequenceCharacterPattern;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.ScreenInfoCharacterPattern;

/**
 * How weft reads keys from a terminal's bytes: Lanterna's decoder without its Alt guesses.
 * weft binds no Alt key, and a terminal cannot tell "Alt-g" from "Esc, then g" (tmux joins
 * an Esc and the key typed within its escape-time into one write; a slow SSH link does the
 * same): so ESC followed by a key in one read is two keys, Esc and the key, and
 * ESC ESC [ A is Esc then Up. Escape sequences the terminal sends for its own keys (arrows,
 * F-keys, Delete) still decode whole; {@link EscapeWait} keeps one that arrives in pieces whole.
 */
public final class KeyDecoding {
    private KeyDecoding() {}

    /** Makes {@code decoder} read ESC + key as two keys. */
    public static void install(InputDecoder decoder) {
        // the last pattern that matches wins: the cursor-position report must stay after the sequences
        for (CharacterPattern p : decoder.getPatterns()) {
            if (p instanceof AltAndCharacterPattern || p instanceof CtrlAltAndCharacterPattern
                    || p.getClass() == EscapeSequenceCharacterPattern.class || p instanceof ScreenInfoCharacterPattern) {
                decoder.removePattern(p);
            }
        }
        // Enter is CR when the tty does not turn it into NL (stty -icrnl, some SSH set-ups)
        decoder.addProfile(() -> java.util.List.of(new TerminalSequences(),
                new BasicCharacterPattern(new KeyStroke(KeyType.Enter), '\r'), new ScreenInfoCharacterPattern()));
        decoder.setTimeoutUnits(0); // a lone Esc is Esc at once; EscapeWait waits for a sequence's rest
    }

    /** Lanterna's CSI/SS3 sequences, without reading a leading extra ESC as Alt. */
    private static final class TerminalSequences extends EscapeSequenceCharacterPattern {
        TerminalSequences() {
            useEscEsc = false;
        }
    }
}
