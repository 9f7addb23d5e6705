package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Padding written as erases: one "erase to end of line" for a row's tail, spaces where an erase would show wrong. */
class BlankRunsTest {
    private final BlankRuns runs = new BlankRuns();

    BlankRunsTest() {
        runs.width(100);
    }

    @Test
    void blanksToTheEndOfTheRowAreOneErase() {
        runs.movedTo(10);
        write("abc");
        for (int i = 13; i < 100; i++) {
            assertTrue(runs.hold(' '));
        }
        assertEquals("\u001b[K", released());
    }

    @Test
    void aLongRunInsideARowErasesAndStepsOver() {
        runs.movedTo(0);
        for (int i = 0; i < 20; i++) {
            runs.hold(' ');
        }
        assertEquals("\u001b[20X\u001b[20C", released());
    }

    @Test
    void aShortRunStaysSpaces() {
        runs.movedTo(0);
        runs.hold(' ');
        runs.hold(' ');
        assertEquals("  ", released());
        assertEquals("", released());
    }

    @Test
    void underReverseOrUnderlineBlanksAreWritten() {
        runs.movedTo(0);
        runs.enabled(SGR.REVERSE);
        assertFalse(runs.hold(' '));
        runs.disabled(SGR.REVERSE);
        runs.enabled(SGR.UNDERLINE);
        assertFalse(runs.hold(' '));
        runs.reset();
        runs.enabled(SGR.BOLD);
        assertTrue(runs.hold(' '));
    }

    @Test
    void wideCharactersCountTwoColumnsAndSurrogatesStopErasing() {
        runs.movedTo(95);
        write("中");
        runs.hold(' ');
        runs.hold(' ');
        runs.hold(' ');
        assertEquals("\u001b[K", released());
        runs.movedTo(90);
        write("\ud83d\ude00");
        assertFalse(runs.hold(' '), "after an emoji the column is not known");
    }

    @Test
    void withoutAKnownColumnNothingIsHeld() {
        assertFalse(runs.hold(' '));
    }

    private void write(String s) {
        for (char c : s.toCharArray()) {
            assertFalse(runs.hold(c));
            runs.advance(c);
        }
    }

    private String released() {
        return new String(runs.release(), StandardCharsets.US_ASCII);
    }
}
