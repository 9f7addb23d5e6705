package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tui.state.Overlay;
import org.junit.jupiter.api.Test;

/**
 * Item: Esc and the next key in one read. The bytes are what tmux (or a slow SSH link) hands
 * the app for "Esc g" typed quickly: ESC and 'g' in one write. They are two keys.
 */
class EscapeKeysScreenTest {

    @Test
    void escAndGInOnePacketCloseTheEditorAndGenerate() throws Exception {
        TuiHarness h = TuiHarness.onKeyboard(80, 24, TestModels.embedded());
        h.send("i").send("Are bugs real?");
        assertTrue(h.state().overlay() instanceof Overlay.Editor);

        h.send("\u001bg");

        assertTrue(h.state().overlay() == Overlay.NONE, "Esc closed the editor");
        assertEquals("Are bugs real?", h.state().loom().node(new dev.weft.loom.NodeId(0)).text(),
                "the g did not go into the text");
        assertEquals(2, h.state().loom().size(), "g generated a child of the prompt");
        Golden.assertScreen("esc-g-one-packet", h.screenText());
    }

    @Test
    void arrowKeysStillArriveWhole() throws Exception {
        TuiHarness h = TuiHarness.onKeyboard(80, 24, TestModels.embedded());
        h.send("iAre bugs real?\u001b").send("g").send("\u001b[D\u001b[D");
        assertEquals(h.state().loom().pathText(h.state().focus().current()).length() > 0, true);
        int end = dev.weft.tui.layout.ReadPath.of(h.state().loom(), h.state().focus().current()).size() - 1;
        assertEquals(end - 2, h.state().focus().cursor(), "two Left arrows moved the cursor two tokens");
    }
}
