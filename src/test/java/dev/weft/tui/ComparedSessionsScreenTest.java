package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.weft.loom.Node;
import dev.weft.replay.NodePair;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.CompareFileView;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compared-sessions view at 80×24: a tree grown here on the embedded test model beside a
 * checked-in session (a copy of sessions/branching.json) with the same prompt, node by node.
 */
class ComparedSessionsScreenTest {
    private static final String OTHER = "src/test/resources/tui/compare-other.json";
    private TuiHarness h;

    @BeforeEach
    void start() throws Exception {
        h = TuiHarness.start(80, 24, TestModels.embedded());
        h.press(Action.EDIT).type("Mr President, I would like to").press(Action.COMMIT)
                .command("set n 2").press(Action.GENERATE);
        h.command("compare-file " + OTHER);
        h.awaitState(s -> s.overlay() instanceof Overlay.CompareFile c && c.view().pairs() != null);
    }

    private CompareFileView view() {
        return assertInstanceOf(Overlay.CompareFile.class, h.state().overlay()).view();
    }

    @Test
    void pairsSideBySideThenTheSelectedOneOpened() {
        Golden.assertScreen("compare-file", h.screenText());
        h.press(Action.ROW_DOWN);
        Golden.assertScreen("compare-file-down", h.screenText());
        Node left = view().pairs().get(1).left();
        h.press(Action.OPEN);
        assertEquals(Overlay.NONE, h.state().overlay());
        assertEquals(left.id(), h.state().focus().current());
    }

    @Test
    void theOtherTreesTextIsPaintedByProbability() {
        NodePair second = view().pairs().get(1);
        Node right = second.right();
        Theme theme = h.state().settings().theme();
        Palette palette = new Palette(ColorDepth.TRUECOLOR);
        // the second place: title on row 5, text on row 6 from column 45 (the right side, its marker, one level in), a space first
        assertEquals(palette.ink(theme.probability(Math.exp(right.tokens().logprob(0))).over(theme.style(Part.TEXT))).fg(),
                h.cell(41 + 2 + 2 + 1, 6).getForegroundColor(), "the first token of the other tree's first completion");
    }
}
