package dev.weft.tui.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/**
 * The bytes terminals send (xterm, tmux, a slow SSH link), through Lanterna's decoder as weft
 * sets it up: Esc and a key in one read are two keys; a real escape sequence stays one key,
 * even when it arrives in two pieces.
 */
class KeyDecodingTest {
    /** Packets: the first are there at once; {@link #later} ones arrive only while the reader waits. */
    private final Deque<byte[]> now = new ArrayDeque<>();
    private final Deque<byte[]> later = new ArrayDeque<>();
    private int pauses;
    private final InputDecoder decoder = decoder();

    private InputDecoder decoder() {
        InputStream wire = new InputStream() {
            byte[] current = new byte[0];
            int at;

            @Override
            public int available() {
                if (at == current.length && !now.isEmpty()) {
                    current = now.poll();
                    at = 0;
                }
                return current.length - at;
            }

            @Override
            public int read() {
                return available() == 0 ? -1 : current[at++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = Math.min(len, available());
                System.arraycopy(current, at, b, off, n);
                at += n;
                return n == 0 ? -1 : n;
            }
        };
        InputDecoder d = new InputDecoder(new InputStreamReader(new EscapeWait(wire, 60, ms -> {
            pauses++;
            if (!later.isEmpty()) {
                now.add(later.poll());
            }
        }), StandardCharsets.UTF_8));
        d.addProfile(new DefaultKeyDecodingProfile());
        KeyDecoding.install(d);
        return d;
    }

    private void send(String s) {
        now.add(s.getBytes(StandardCharsets.UTF_8));
    }

    private KeyStroke next() throws IOException {
        return decoder.getNextCharacter(false);
    }

    private static void assertChar(char c, KeyStroke k) {
        assertEquals(KeyType.Character, k.getKeyType());
        assertEquals(c, k.getCharacter());
        assertFalse(k.isAltDown(), "no Alt: weft binds none");
    }

    @Test
    void escAndAKeyInOneReadAreTwoKeys() throws IOException {
        send("\u001bg"); // tmux sends this for Esc then g typed within its escape-time
        assertEquals(KeyType.Escape, next().getKeyType());
        assertChar('g', next());
        assertNull(next());
    }

    @Test
    void escBeforeBackspaceAndControlKeysIsStillEsc() throws IOException {
        send("\u001b\u007f\u001b\u0003");
        assertEquals(KeyType.Escape, next().getKeyType());
        assertEquals(KeyType.Backspace, next().getKeyType());
        assertEquals(KeyType.Escape, next().getKeyType());
        KeyStroke ctrlC = next();
        assertEquals('c', ctrlC.getCharacter());
        assertEquals(true, ctrlC.isCtrlDown());
        assertFalse(ctrlC.isAltDown());
    }

    @Test
    void escThenAnArrowIsEscThenTheArrow() throws IOException {
        send("\u001b\u001b[A");
        assertEquals(KeyType.Escape, next().getKeyType());
        KeyStroke up = next();
        assertEquals(KeyType.ArrowUp, up.getKeyType());
        assertFalse(up.isAltDown());
    }

    @Test
    void theTerminalsSizeReportStillDecodes() throws IOException {
        send("\u001b[30;100R"); // Lanterna asks for the cursor position to learn the size
        KeyStroke report = next();
        assertEquals(KeyType.CursorLocation, report.getKeyType());
        assertEquals(100, com.googlecode.lanterna.input.ScreenInfoCharacterPattern.tryToAdopt(report).getPosition().getColumn());
    }

    @Test
    void enterIsEnterAsCrOrAsNl() throws IOException {
        send("\r\n");
        assertEquals(KeyType.Enter, next().getKeyType());
        assertEquals(KeyType.Enter, next().getKeyType());
    }

    @Test
    void aLoneEscAnswersAtOnce() throws IOException {
        send("\u001b");
        later.add("x".getBytes(StandardCharsets.UTF_8));
        assertEquals(KeyType.Escape, next().getKeyType());
        assertEquals(0, pauses, "no wait after a lone Esc");
        assertNull(next());
    }

    @Test
    void terminalSequencesDecodeWhole() throws IOException {
        send("\u001b[A\u001b[1;5C\u001b[3~\u001bOP\u001b[Z");
        assertEquals(KeyType.ArrowUp, next().getKeyType());
        KeyStroke ctrlRight = next();
        assertEquals(KeyType.ArrowRight, ctrlRight.getKeyType());
        assertEquals(true, ctrlRight.isCtrlDown());
        assertEquals(KeyType.Delete, next().getKeyType());
        assertEquals(KeyType.F1, next().getKeyType());
        assertEquals(KeyType.ReverseTab, next().getKeyType());
        assertNull(next());
        assertEquals(0, pauses);
    }

    @Test
    void aSequenceCutBetweenPacketsWaitsForItsRest() throws IOException {
        send("\u001b[");
        later.add("A".getBytes(StandardCharsets.UTF_8));
        assertEquals(KeyType.ArrowUp, next().getKeyType());
        send("\u001b[1;");
        later.add("5D".getBytes(StandardCharsets.UTF_8));
        KeyStroke ctrlLeft = next();
        assertEquals(KeyType.ArrowLeft, ctrlLeft.getKeyType());
        assertEquals(true, ctrlLeft.isCtrlDown());
    }

    @Test
    void escThenBracketTypedByHandIsEscThenBracketAfterTheShortWait() throws IOException {
        send("\u001b[");
        assertEquals(KeyType.Escape, next().getKeyType());
        assertChar('[', next());
        assertEquals(30, pauses, "60 ms in 2 ms steps, then it gives up");
    }
}
