package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The one way out of headless commands: weft's colours pass, every other control is shown. */
class TerminalSafeWriterTest {
    @Test
    void coloursPassAndEveryOtherControlIsShown() {
        assertEquals("\u001b[38;2;1;2;3mred\u001b[0m", TerminalSafeWriter.clean("\u001b[38;2;1;2;3mred\u001b[0m"));
        assertEquals("␛]52;c;eA==␇", TerminalSafeWriter.clean("\u001b]52;c;eA==\u0007"));
        assertEquals("␛[2J␛[H", TerminalSafeWriter.clean("\u001b[2J\u001b[H"));
        assertEquals("␛P1$r␛\\", TerminalSafeWriter.clean("\u001bP1$r\u001b\\"));
        assertEquals("\\u009b2J \\u009d52\\u009c \\u202eexe \\u007f", TerminalSafeWriter.clean("\u009b2J \u009d52\u009c \u202eexe \u007f"));
        assertEquals("a␀b␍c␈\tx\n", TerminalSafeWriter.clean("a\u0000b\rc\b\tx\n"));
        assertEquals("␛", TerminalSafeWriter.clean("\u001b"));
        assertEquals("␛[31;1H", TerminalSafeWriter.clean("\u001b[31;1H"));
    }

    @Test
    void aColourSplitAcrossWritesStillPassesAndAControlSplitIsStillShown() {
        StringWriter s = new StringWriter();
        PrintWriter out = new PrintWriter(new TerminalSafeWriter(s), true);
        out.print("x\u001b");
        out.flush();
        out.print("[3");
        out.print("1mred\u001b");
        out.print("]0;title\u0007");
        out.println();
        assertEquals("x\u001b[31mred␛]0;title␇" + System.lineSeparator(), s.toString());
    }

    /** Text that needs no change leaves in one write: every char is still shown as the rules say, alone or in text. */
    @Test
    void everyCharIsShownAsTheRulesSayInPlainTextAndAlone() {
        for (int c = 0; c <= 0xffff; c++) {
            char ch = (char) c;
            String shown;
            if (ch == '\n' || ch == '\t') {
                shown = String.valueOf(ch);
            } else if (ch == 0x1b) {
                shown = "␛";
            } else if (ch < 0x20) {
                shown = String.valueOf((char) (0x2400 + ch));
            } else if (ch == 0x7f || ch >= 0x80 && ch < 0xa0 || ch >= '\u2028' && ch <= '\u202e'
                    || ch >= '\u2066' && ch <= '\u2069') {
                shown = String.format("\\u%04x", c);
            } else {
                shown = String.valueOf(ch);
            }
            assertEquals(shown, TerminalSafeWriter.clean(String.valueOf(ch)), "char " + c);
            assertEquals("#1 \"a" + shown + "b\"", TerminalSafeWriter.clean("#1 \"a" + ch + "b\""), "char " + c);
        }
    }
}
