package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tui.keys.Action;
import dev.weft.tui.theme.ColorDepth;
import org.junit.jupiter.api.Test;

/** What a key costs on the wire: a moved tree highlight clears its old row's tail with one erase, not ~100 spaces. */
class FrameBytesTest {

    @Test
    void aTreeRowMoveErasesInsteadOfPadding() throws Exception {
        TuiHarness h = TuiHarness.onBytes(120, 30, TestModels.embedded(), ColorDepth.TRUECOLOR);
        h.press(Action.EDIT).type("The cat").press(Action.COMMIT).press(Action.GENERATE).press(Action.GENERATE);
        h.press(Action.TREE_VIEW);
        h.bytes.reset();
        h.press(Action.ROW_UP);
        String written = h.bytes.text();
        assertTrue(written.contains("\u001b[K"), "an erase to the end of the row: " + visible(written));
        assertFalse(written.contains("        "), "eight spaces in a row: " + visible(written));
    }

    private static String visible(String s) {
        return s.replace("\u001b", "ESC");
    }
}
