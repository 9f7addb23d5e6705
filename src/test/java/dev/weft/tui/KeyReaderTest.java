package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The thread that reads keys: every key handed over as it comes, position reports to Lanterna, and a clean stop. */
class KeyReaderTest {
    private final PipedOutputStream typed = new PipedOutputStream();
    private final PipedInputStream tty;
    private final BlockingQueue<KeyStroke> keys = new LinkedBlockingQueue<>();

    KeyReaderTest() throws IOException {
        tty = new PipedInputStream(typed, 4096);
    }

    @Test
    void keysArriveInOrderWithoutPolling() throws Exception {
        KeyReader reader = started();
        type("ab\u001b[A");
        assertEquals('a', next().getCharacter());
        assertEquals('b', next().getCharacter());
        assertEquals(KeyType.ArrowUp, next().getKeyType());
    }

    @Test
    void keysReadBeforeTheLoopConnectsAreKept() throws Exception {
        KeyReader reader = new KeyReader(tty);
        reader.start();
        type("x");
        Thread.sleep(50);
        reader.connect(keys::add);
        assertEquals('x', next().getCharacter());
    }

    @Test
    void aPositionReportGoesToTheTerminalNotToTheKeys() throws Exception {
        KeyReader reader = started();
        type("\u001b[24;80Rq");
        assertEquals('q', next().getCharacter());
        InputStream lanterna = reader.terminalInput();
        assertEquals("\u001b[24;80R", new String(lanterna.readNBytes(lanterna.available()), StandardCharsets.US_ASCII));
    }

    @Test
    void pausedTheReaderLeavesWhatIsTypedNextForTheNextProgram() throws Exception {
        KeyReader reader = started();
        type("k");
        assertEquals('k', next().getCharacter());
        // the terminal answers the query: the read it ends is the reader's last; "w" was typed before it
        assertTrue(reader.pause(() -> type("w\u001b[3;1R")));
        assertEquals('w', next().getCharacter());
        type("set n 3\r");
        Thread.sleep(100);
        assertEquals(null, keys.poll(), "the reader read while paused");
        byte[] forTheLine = tty.readNBytes(tty.available());
        assertEquals("set n 3\r", new String(forTheLine, StandardCharsets.US_ASCII));
        assertEquals(0, reader.terminalInput().available(), "our own query's answer is not Lanterna's");
        reader.resume();
        type("j");
        assertEquals('j', next().getCharacter());
    }

    @Test
    void aTerminalThatDoesNotAnswerDoesNotHangThePause() throws Exception {
        KeyReader reader = started();
        long start = System.nanoTime();
        assertFalse(reader.pause(() -> {}));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        reader.resume();
        type("z");
        assertEquals('z', next().getCharacter());
    }

    @Test
    void theEndOfInputIsAKey() throws Exception {
        started();
        typed.close();
        assertEquals(KeyType.EOF, next().getKeyType());
    }

    private KeyReader started() {
        KeyReader reader = new KeyReader(tty);
        reader.connect(keys::add);
        reader.start();
        return reader;
    }

    private void type(String s) throws IOException {
        typed.write(s.getBytes(StandardCharsets.UTF_8));
        typed.flush();
    }

    private KeyStroke next() throws InterruptedException {
        KeyStroke k = keys.poll(5, TimeUnit.SECONDS);
        assertNotNull(k, "no key within 5 s");
        return k;
    }
}
