package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tui.state.Overlay;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ':' line drawn in place, driven by the bytes a terminal sends (through the real key
 * decoding): the loom stays above it; Esc and C-c leave it; Tab completes; Up recalls.
 */
class CommandLineScreenTest {
    private TuiHarness h;

    @BeforeEach
    void start() throws Exception {
        h = TuiHarness.onKeyboard(80, 24, TestModels.embedded());
        h.send("iAre bugs real?").send("\u001b").send("g");
    }

    @Test
    void theLineSitsOnTheBottomRowWithTheLoomAbove() {
        h.send(":set temp");
        Golden.assertScreen("command-line-typing", h.screenText());
        h.send("\t");
        assertEquals(":set temperature", h.screenText().lines().toList().get(23).stripTrailing());
        h.send("\u001b");
        assertSame(Overlay.NONE, h.state().overlay(), "Esc leaves the line");
        assertEquals(0.6, h.state().settings().params().temperature(), "and runs nothing");
        Golden.assertScreen("command-line-cancelled", h.screenText());
    }

    @Test
    void ctrlCLeavesTheLineToo() {
        h.send(":set n 3").send("\u0003");
        assertSame(Overlay.NONE, h.state().overlay());
        assertEquals(1, h.state().settings().params().n());
    }

    @Test
    void enterRunsItAndUpBringsItBack() {
        h.send(":set n 3\r");
        assertEquals(3, h.state().settings().params().n());
        assertEquals(List.of("set n 3"), h.commandLine.history);
        h.send(":").send("\u001b[A");
        assertEquals(":set n 3", h.screenText().lines().toList().get(23).stripTrailing());
    }

    @Test
    void severalCandidatesShowOnTheStatusRow() {
        h.send(":set theme spe\t\t");
        Golden.assertScreen("command-line-candidates", h.screenText());
        assertTrue(h.state().overlay() instanceof Overlay.Command);
    }

    @Test
    void keysTypedRightAfterTheColonInOnePacketBelongToTheLine() {
        h.send(":set max-tokens 7\rg");
        assertEquals(7, h.state().settings().params().maxTokens());
        assertEquals(3, h.state().loom().size(), "the g after the line generated");
    }
}
