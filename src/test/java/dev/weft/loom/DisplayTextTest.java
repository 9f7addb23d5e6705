package dev.weft.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class DisplayTextTest {
    @Test
    void escapeSequencesNeverReachTheTerminalRaw() {
        String hostile = "ok\u001b]0;pwned\u0007\u001b[2J\r\u009b31m";
        String safe = DisplayText.safe(hostile, true);
        assertFalse(safe.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c < 0xa0)), safe);
        assertEquals("ok␛]0;pwned␇␛[2J␍\\x9b31m", safe);
    }

    @Test
    void layoutIsKeptOnlyWhenAsked() {
        assertEquals("a\nb\tc", DisplayText.safe("a\nb\tc", true));
        assertEquals("a␊b", DisplayText.safe("a\nb", false));
        assertEquals("a↵b→c", DisplayText.token("a\nb\tc"));
    }

    @Test
    void bidiOverridesAreShownAsEscapes() {
        assertEquals("x\\u202ey", DisplayText.safe("x\u202ey", true));
    }
}
