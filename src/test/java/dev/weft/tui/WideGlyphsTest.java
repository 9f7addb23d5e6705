package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.tui.keys.Action;
import dev.weft.tui.theme.ColorDepth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CJK and emoji take two columns; text after them stays in its place, also when wrapping and when the cursor moves. */
class WideGlyphsTest {
    private static final List<Token> TOKENS = List.of(
            new Token(Piece.of("漢字"), Math.log(0.5), List.of()),
            new Token(Piece.of(" 😀"), Math.log(0.5), List.of()),
            new Token(Piece.of(" ok"), Math.log(0.5), List.of()));

    @Test
    void wideGlyphsTakeTwoColumnsAndTheCursorMovesOverThem() throws Exception {
        TuiHarness h = TuiHarness.start(40, 12, new ScriptedModel(TOKENS), ColorDepth.TRUECOLOR, MemorySession.empty(), Runnable::run);
        h.press(Action.EDIT).type("Q:").press(Action.COMMIT).press(Action.GENERATE);
        assertEquals("Q:│漢字 😀 ok", h.screenText().lines().findFirst().orElseThrow());
        assertEquals("k", h.cell(12, 0).getCharacterString(), "Q: │ 漢字 (4 columns) space 😀 (2) space o");
        h.press(Action.TEXT_START).press(Action.CURSOR_RIGHT);
        assertTrue(h.cell(3, 0).isReversed(), "the cursor on 漢字");
        assertTrue(!h.cell(8, 0).isReversed());
        h.press(Action.CURSOR_RIGHT);
        assertTrue(h.cell(8, 0).isReversed(), "the cursor on 😀");
        assertTrue(!h.cell(3, 0).isReversed());
        assertEquals("Q:│漢字 😀 ok", h.screenText().lines().findFirst().orElseThrow());
    }

    @Test
    void aWideGlyphNeverStraddlesTheRightEdge() throws Exception {
        TuiHarness h = TuiHarness.start(40, 12, new ScriptedModel(List.of(
                new Token(Piece.of("一二三四五六七八九十一二三四五六七八九十"), Math.log(0.5), List.of()))),
                ColorDepth.TRUECOLOR, MemorySession.empty(), Runnable::run);
        h.press(Action.EDIT).type("Q:").press(Action.COMMIT).press(Action.GENERATE);
        List<String> lines = h.screenText().lines().toList();
        assertEquals("Q:│一二三四五六七八九十一二三四五六七八", lines.get(0));
        assertEquals("九十", lines.get(1));
    }
}
