package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Keys typed while weft starts (the user types "i…" before the first frame) reach the loop only
 * once it runs, after the opened session the launcher posted: else they act on the empty loom
 * that the session then replaces ("no node #1", a generation stuck running).
 */
class EarlyKeysTest {
    @Test
    void keysTypedDuringStartWaitForTheLoopToRun() throws Exception {
        PipedOutputStream typed = new PipedOutputStream();
        KeyReader reader = new KeyReader(new PipedInputStream(typed, 4096));
        reader.start();
        typed.write("ihello".getBytes(StandardCharsets.UTF_8));
        typed.flush();
        Thread.sleep(100); // the reader has read them and holds them

        TerminalScreen screen = new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(80, 24)));
        AppLoop loop = new AppLoop(screen, null, null, null, Clock.systemUTC(), new AppLoop.Keys(reader, () -> {}));
        assertFalse(loop.hasPending(), "keys were handed to the loop before the launcher posted the session");

        loop.connectKeys();
        assertTrue(loop.hasPending(), "the early keys come once the loop runs");
    }
}
