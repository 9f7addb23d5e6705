package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.SiblingFigures;
import dev.weft.loom.NodeId;
import dev.weft.loom.TokenRun;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Theme;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The siblings view's bottom row: the figures of the whole sibling set, as weft stats gives them. */
class SiblingFiguresScreenTest {

    @Test
    void theBottomRowGivesTheSetsFigures() throws Exception {
        TuiHarness h = TuiHarness.start(80, 24, TestModels.embedded());
        h.press(Action.EDIT).type("Mr President, I would like to").press(Action.COMMIT);
        h.command("set n 3").command("set max-tokens 24").press(Action.GENERATE).press(Action.SIBLINGS_VIEW);
        UiState s = h.state();
        NodeId parent = s.loom().node(s.focus().current()).parent();
        List<TokenRun> runs = s.loom().liveChildren(parent).stream().map(id -> s.loom().node(id).tokens()).toList();
        SiblingFigures f = SiblingFigures.of(runs);
        String row = h.screenText().lines().toList().get(21);
        assertTrue(row.startsWith(String.format(Locale.ROOT, "3 siblings · distinct-1 %.2f · distinct-2 %.2f · edit dist %.2f",
                f.diversity().distinct1(), f.diversity().distinct2(), f.diversity().meanEditDistance())), row);
        Theme theme = s.settings().theme();
        Palette palette = new Palette(ColorDepth.TRUECOLOR);
        assertEquals(palette.ink(theme.style(Part.MUTED).over(theme.style(Part.TEXT))).fg(), h.cell(0, 21).getForegroundColor(),
                "the figures are muted, not in a token's colour");
    }
}
