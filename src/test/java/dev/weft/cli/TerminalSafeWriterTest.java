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
}
