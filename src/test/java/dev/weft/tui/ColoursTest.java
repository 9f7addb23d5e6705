package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.tui.keys.Action;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Theme;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Colours at chosen cells, apart from the text goldens: the prompt "Q:" is followed by a likely
 * token " sure" (p 0.95) and an unlikely one " odd" (p 0.02).
 */
class ColoursTest {
    private static final List<Token> TOKENS = List.of(
            new Token(Piece.of(" sure"), Math.log(0.95), List.of()),
            new Token(Piece.of(" odd"), Math.log(0.02), List.of()),
            new Token(Piece.of(" meh"), Math.log(0.2), List.of()));

    /** Column of the first letter of each token on row 0: "Q:│ sure odd meh". */
    private static final int SURE = 4;
    private static final int ODD = 9;
    private static final int MEH = 13;

    private static TuiHarness generated(ColorDepth depth) throws Exception {
        TuiHarness h = TuiHarness.start(80, 24, new ScriptedModel(TOKENS), depth, MemorySession.empty(), Runnable::run);
        h.press(Action.EDIT).type("Q:").press(Action.COMMIT).press(Action.GENERATE).press(Action.TEXT_START);
        assertEquals("Q:│ sure odd meh", h.screenText().lines().findFirst().orElseThrow());
        return h;
    }

    private static TextColor expectedForeground(TuiHarness h, double p, ColorDepth depth) {
        Theme theme = h.state().settings().theme();
        return new Palette(depth).ink(theme.probability(p).over(theme.style(Part.TEXT))).fg();
    }

    @Test
    void truecolorPaintsLikelyTokensGreenAndUnlikelyOnesRed() throws Exception {
        TuiHarness h = generated(ColorDepth.TRUECOLOR);
        TextColor sure = h.cell(SURE, 0).getForegroundColor();
        TextColor odd = h.cell(ODD, 0).getForegroundColor();
        assertEquals(expectedForeground(h, 0.95, ColorDepth.TRUECOLOR), sure);
        assertEquals(expectedForeground(h, 0.02, ColorDepth.TRUECOLOR), odd);
        assertInstanceOf(TextColor.RGB.class, sure);
        assertTrue(sure.getGreen() > sure.getRed(), "likely is green: " + sure);
        assertTrue(odd.getRed() > odd.getGreen(), "unlikely is red: " + odd);
    }

    @Test
    void theCursorIsReversedAndThePromptIsPlain() throws Exception {
        TuiHarness h = generated(ColorDepth.TRUECOLOR);
        assertTrue(h.cell(0, 0).isReversed(), "cursor on the prompt's first token");
        assertFalse(h.cell(SURE, 0).isReversed());
        assertEquals(h.state().settings().theme().style(Part.PROMPT).fg() == null ? TextColor.ANSI.DEFAULT
                : new Palette(ColorDepth.TRUECOLOR).ink(h.state().settings().theme().style(Part.PROMPT)).fg(),
                h.cell(1, 0).getForegroundColor());
    }

    @Test
    void in256ColoursTheSpectrumUsesPaletteEntries() throws Exception {
        TuiHarness h = generated(ColorDepth.ANSI256);
        assertEquals("spectrum-256", h.state().settings().theme().name());
        assertEquals(new TextColor.Indexed(77), h.cell(SURE, 0).getForegroundColor());
        assertEquals(new TextColor.Indexed(203), h.cell(ODD, 0).getForegroundColor());
    }

    @Test
    void withoutColourProbabilityIsBoldNormalDimOrUnderlined() throws Exception {
        TuiHarness h = generated(ColorDepth.NONE);
        assertEquals("monochrome", h.state().settings().theme().name());
        TextCharacter sure = h.cell(SURE, 0);
        TextCharacter odd = h.cell(ODD, 0);
        TextCharacter meh = h.cell(MEH, 0);
        assertTrue(sure.isBold());
        assertTrue(odd.isUnderlined());
        assertTrue(meh.getModifiers().contains(Palette.FAINT), "dim");
        for (TextCharacter c : List.of(sure, odd, meh)) {
            assertEquals(TextColor.ANSI.DEFAULT, c.getForegroundColor());
            assertEquals(TextColor.ANSI.DEFAULT, c.getBackgroundColor());
        }
        assertFalse(sure.getModifiers().contains(SGR.UNDERLINE));
    }

    @Test
    void editedTextHasTheEditedBackground() throws Exception {
        TuiHarness h = generated(ColorDepth.TRUECOLOR);
        h.press(Action.TEXT_END).press(Action.EDIT).press(Action.CARET_END).type(" wow").press(Action.COMMIT);
        String line = h.screenText().lines().findFirst().orElseThrow();
        int wow = line.indexOf("wow");
        TextColor edited = new Palette(ColorDepth.TRUECOLOR).ink(h.state().settings().theme().style(Part.EDITED)).bg();
        assertEquals(edited, h.cell(wow, 0).getBackgroundColor());
        assertEquals(TextColor.ANSI.DEFAULT, h.cell(SURE, 0).getBackgroundColor());
    }
}
