package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.googlecode.lanterna.SGR;
import dev.weft.tui.theme.Palette;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalEncodingTest {
    private final TerminalEncoding encoding = new TerminalEncoding();

    @Test
    void twoByteCharactersAreWrittenWithoutTheNulLanternaAdds() {
        assertArrayEquals(new byte[] {(byte) 0xc2, (byte) 0xb7}, encoding.character('·'));
        assertArrayEquals("é".getBytes(StandardCharsets.UTF_8), encoding.character('é'));
    }

    @Test
    void aSurrogatePairIsWrittenAsOneCharacter() {
        String emoji = "😀";
        assertEquals(0, encoding.character(emoji.charAt(0)).length);
        assertArrayEquals(emoji.getBytes(StandardCharsets.UTF_8), encoding.character(emoji.charAt(1)));
    }

    @Test
    void faintIsSgr2AndTurningBoldOffKeepsItFaint() {
        assertNull(encoding.enable(SGR.BOLD), "Lanterna writes bold itself");
        assertEquals("\u001b[2m", ascii(encoding.enable(Palette.FAINT)));
        assertEquals("\u001b[22m\u001b[2m", ascii(encoding.disable(SGR.BOLD)));
        assertEquals("\u001b[22m", ascii(encoding.disable(Palette.FAINT)));
        assertNull(encoding.disable(SGR.UNDERLINE));
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
