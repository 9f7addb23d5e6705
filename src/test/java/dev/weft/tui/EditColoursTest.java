package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tui.keys.Action;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Ink;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import dev.weft.tui.theme.Theme;
import dev.weft.tui.theme.ThemeLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An edit shows both "a person wrote this" and "this is how likely the model found it", in every
 * shipped theme at every colour depth it is meant for (#12 item 11: in 16 colours an unlikely
 * edit lost its background to the red flag, so it looked like unlikely model text).
 */
class EditColoursTest {
    /** One probability in each bucket of every shipped theme (and spread over the spectrum). */
    private static final double[] P = {0.01, 0.08, 0.12, 0.25, 0.45, 0.7, 0.85, 0.97};

    @Test
    void everyShippedThemeMarksEditsAndKeepsTheirProbability() throws Exception {
        ThemeLibrary library = new ThemeLibrary(Path.of("/nonexistent-weft-themes"));
        for (String name : library.names()) {
            Theme theme = library.load(name);
            List<ColorDepth> depths = name.equals("monochrome")
                    ? List.of(ColorDepth.NONE, ColorDepth.ANSI16, ColorDepth.ANSI256, ColorDepth.TRUECOLOR)
                    : List.of(ColorDepth.ANSI16, ColorDepth.ANSI256, ColorDepth.TRUECOLOR);
            for (ColorDepth depth : depths) {
                assertBoth(name + " at " + depth.label(), theme, new Palette(depth));
            }
        }
    }

    @Test
    void aThemePaintingProbabilityAsBackgroundUnderlinesEdits() throws Exception {
        Theme theme = dev.weft.tui.theme.ThemeFile.parse("""
                name = bg
                probability = bg
                spectrum = 0.00 #ff0000, 1.00 #00ff00
                edited = fg:#ffffff bg:#333333
                """, "bg.theme");
        assertBoth("probability = bg", theme, new Palette(ColorDepth.TRUECOLOR));
    }

    private static void assertBoth(String what, Theme theme, Palette palette) {
        Set<Ink> model = new LinkedHashSet<>();
        List<Ink> edits = new ArrayList<>();
        for (double p : P) {
            model.add(palette.ink(theme.probability(p).over(theme.style(Part.TEXT))));
            edits.add(palette.ink(editStyle(theme, p).over(theme.style(Part.TEXT))));
        }
        for (int i = 0; i < P.length; i++) {
            Ink edit = edits.get(i);
            assertFalse(model.contains(edit), what + ": an edit at p " + P[i] + " looks like model text: " + edit);
            for (int j = 0; j < P.length; j++) {
                Ink modelInk = palette.ink(theme.probability(P[j]).over(theme.style(Part.TEXT)));
                Ink otherModel = palette.ink(theme.probability(P[i]).over(theme.style(Part.TEXT)));
                if (!modelInk.equals(otherModel)) {
                    assertNotEquals(edit, edits.get(j), what + ": edits at p " + P[i] + " and " + P[j]
                            + " look alike though model text at those probabilities does not");
                }
            }
        }
    }

    /** The style the read view gives a scored edit token of probability {@code p}. */
    private static Style editStyle(Theme theme, double p) {
        return dev.weft.tui.render.TokenStylesProbe.edited(theme, p);
    }

    private static TuiHarness edited(ColorDepth depth) throws Exception {
        TuiHarness h = TuiHarness.start(80, 24, new TinyModel(true), depth, MemorySession.empty(), Runnable::run);
        h.press(Action.EDIT).type("Q:").press(Action.COMMIT).press(Action.GENERATE);
        h.press(Action.TEXT_END).press(Action.EDIT).press(Action.CARET_END).type(" the bugs are not real").press(Action.COMMIT);
        h.press(Action.TEXT_START);
        return h;
    }

    @Test
    void goldenEditBeside16Colours() throws Exception {
        TuiHarness h = edited(ColorDepth.ANSI16);
        assertEquals("high-contrast", h.state().settings().theme().name());
        Golden.assertScreen("edit-colours-16", StyledRow.of(h, 0));
    }

    @Test
    void goldenEditBeside256Colours() throws Exception {
        TuiHarness h = edited(ColorDepth.ANSI256);
        assertEquals("spectrum-256", h.state().settings().theme().name());
        Golden.assertScreen("edit-colours-256", StyledRow.of(h, 0));
    }

    @Test
    void goldenEditWithoutColour() throws Exception {
        TuiHarness h = edited(ColorDepth.NONE);
        Golden.assertScreen("edit-colours-none", StyledRow.of(h, 0));
        assertTrue(StyledRow.of(h, 0).contains("italic"));
    }
}
