package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Alternative;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.tui.keys.Action;
import dev.weft.tui.theme.ColorDepth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Model output is untrusted. A completion full of ESC, BEL, CSI (7-bit and C1) and OSC
 * sequences is rendered through a real ANSI terminal; none of it may reach the bytes raw.
 */
class TerminalSafetyTest {
    private static final List<String> HOSTILE = List.of(
            " clear\u001b[2J", " bell\u0007", " title\u001b]0;pwned\u0007", " c1\u009b31m", " red\u001b[31mred",
            " back\bspace", " cr\rreturn", " bidi\u202eevil", " nul\u0000");

    /** The only escape sequences Lanterna itself writes: CSI with digits, semicolons and a final letter. */
    private static final Pattern CSI = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");

    @Test
    void noControlCharacterFromAModelReachesTheTerminal() throws Exception {
        List<Token> tokens = HOSTILE.stream()
                .map(t -> new Token(Piece.of(t), Math.log(0.5), List.of(Alternative.of(t, Math.log(0.5)))))
                .toList();
        TuiHarness h = TuiHarness.onBytes(80, 24, new ScriptedModel(tokens), ColorDepth.TRUECOLOR);
        h.press(Action.EDIT).type("Hostile:").press(Action.COMMIT).press(Action.GENERATE);
        h.press(Action.TEXT_START).press(Action.CURSOR_RIGHT).press(Action.ALTERNATIVES);
        h.press(Action.CLOSE).press(Action.TREE_VIEW).press(Action.BACK).press(Action.SIBLINGS_VIEW);

        String written = h.bytes.text();
        assertFalse(written.contains("\u0007"), "BEL");
        assertFalse(written.contains("\u009b"), "C1 CSI");
        assertFalse(written.contains("\u001b]"), "OSC");
        assertFalse(written.contains("\u0008") || written.contains("\r") || written.contains("\u0000"), "BS, CR, NUL");
        assertFalse(written.contains("\u202e"), "bidi override");
        String withoutLanternasOwn = CSI.matcher(written).replaceAll("");
        assertFalse(withoutLanternasOwn.contains("\u001b"), "an ESC that is not Lanterna's own CSI");
        assertTrue(written.contains("␛[2J") && written.contains("␇"), "shown as visible symbols instead");
        assertEquals(0, countSequencesContaining(written, "pwned"));
    }

    private static int countSequencesContaining(String written, String text) {
        Matcher m = CSI.matcher(written);
        int n = 0;
        while (m.find()) {
            if (m.group().contains(text)) {
                n++;
            }
        }
        return n;
    }
}
