package dev.weft.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import dev.weft.tui.input.EscapeWait;
import dev.weft.tui.input.KeyDecoding;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The real terminal: Lanterna's Unix terminal with Ctrl-C delivered as a key (weft saves before
 * it exits, and Ctrl-C cancels a generation), writing through {@link TerminalEncoding}.
 *
 * <p>Output is buffered and leaves in one write per frame (Lanterna flushes at the end of each
 * refresh); the one thing that must leave at once is a cursor-position query, whose answer
 * Lanterna waits for. Runs of blanks (a row's padding) go out as one erase, see {@link BlankRuns}.
 * Keys are read by a {@link KeyReader}; this terminal reads only the position reports it asked for.
 */
final class WeftTerminal extends UnixTerminal {
    private static final byte[] POSITION_QUERY = {0x1b, '[', '6', 'n'};

    private final TerminalEncoding encoding = new TerminalEncoding();
    private final BlankRuns blanks = new BlankRuns();

    /** A terminal that reads its own keys (polled; the replay player). */
    WeftTerminal() throws IOException {
        this(new EscapeWait(System.in), new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        KeyDecoding.install(getInputDecoder()); // Esc and a key typed together are two keys
    }

    /** A terminal whose keys {@code keys} reads. */
    WeftTerminal(KeyReader keys) throws IOException {
        this(keys.terminalInput(), new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    }

    private WeftTerminal(InputStream reports, OutputStream out) throws IOException {
        super(reports, out, StandardCharsets.UTF_8, UnixLikeTerminal.CtrlCBehaviour.TRAP);
        if (!rawApplied) {
            suspendAsKey();
        }
    }

    /** Gives the tty back its modes from before weft (for the shell, while weft is suspended). */
    void releaseModes() throws IOException {
        restoreTerminalSettings();
    }

    /** Takes the tty again after a suspension: no echo, no line editing, C-c and C-z as keys. */
    void takeModes() throws IOException {
        canonicalMode(false);
        keyEchoEnabled(false);
        keyStrokeSignalsEnabled(false);
        if (!rawApplied) {
            suspendAsKey();
        }
    }

    /** C-z as a key, not the tty's stop signal: weft steps aside from the terminal first (and redraws after fg). */
    private void suspendAsKey() throws IOException {
        runSTTYCommand("susp", "undef");
    }

    /*
     * Lanterna runs stty once per setting when it takes the terminal (five processes, each a
     * fork and exec before the first frame); weft's settings, C-z as a key among them, go in one
     * call. The settings are restored from "stty -g" as before.
     */
    private boolean rawApplied;

    @Override
    protected void canonicalMode(boolean enabled) throws IOException {
        if (enabled) {
            rawApplied = false;
            super.canonicalMode(true);
        }
        // off: applied with the echo below, in one stty call
    }

    @Override
    protected void keyEchoEnabled(boolean enabled) throws IOException {
        if (enabled) {
            rawApplied = false;
            super.keyEchoEnabled(true);
        } else {
            runSTTYCommand("-icanon", "min", "1", "-echo", "intr", "undef", "susp", "undef");
            rawApplied = true;
        }
    }

    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
        if (enabled || !rawApplied) {
            super.keyStrokeSignalsEnabled(enabled);
        }
    }

    /**
     * Lanterna hears SIGWINCH through a {@code java.lang.reflect.Proxy} of the handler interface, a
     * class generated before the first frame (tens of milliseconds at start); a lambda does the same.
     */
    @Override
    protected void registerTerminalResizeListener(Runnable onResize) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), signal -> onResize.run());
        } catch (IllegalArgumentException | UnsupportedOperationException noSuchSignal) {
            // no SIGWINCH on this system: like Lanterna, go without resize notices
        }
    }

    /** Asks where the cursor is (the answer comes back as input); see {@link KeyReader#pause}. */
    void askCursorPosition() throws IOException {
        writeToTerminal(POSITION_QUERY);
    }

    /** Writes a sequence weft made itself (the clipboard's OSC 52; never text from a model) and sends it at once. */
    void writeControl(byte[] sequence) throws IOException {
        writeToTerminal(sequence);
        flush();
    }

    @Override
    public void putCharacter(char c) throws IOException {
        if (!blanks.hold(c)) {
            super.putCharacter(c);
            blanks.advance(c);
        }
    }

    @Override
    protected void writeToTerminal(byte... bytes) throws IOException {
        byte[] pending = blanks == null ? new byte[0] : blanks.release();
        if (pending.length > 0) {
            super.writeToTerminal(pending);
        }
        super.writeToTerminal(bytes);
        if (Arrays.equals(bytes, POSITION_QUERY)) {
            flush(); // Lanterna waits for the answer: the question must not sit in the buffer
        }
    }

    @Override
    public void setCursorPosition(int x, int y) throws IOException {
        super.setCursorPosition(x, y);
        blanks.movedTo(x);
    }

    @Override
    public void flush() throws IOException {
        writeToTerminal();
        super.flush();
    }

    @Override
    protected synchronized void onResized(TerminalSize newSize) {
        if (blanks != null) { // Lanterna's constructor sets a first size before this one's fields exist
            blanks.width(newSize.getColumns());
        }
        super.onResized(newSize);
    }

    @Override
    protected byte[] translateCharacter(char c) {
        return encoding.character(c);
    }

    @Override
    public void enableSGR(SGR sgr) throws IOException {
        writeToTerminal();
        blanks.enabled(sgr);
        byte[] own = encoding.enable(sgr);
        if (own != null) {
            writeToTerminal(own);
        } else {
            super.enableSGR(sgr);
        }
    }

    @Override
    public void disableSGR(SGR sgr) throws IOException {
        writeToTerminal();
        blanks.disabled(sgr);
        byte[] own = encoding.disable(sgr);
        if (own != null) {
            writeToTerminal(own);
        } else {
            super.disableSGR(sgr);
        }
    }

    @Override
    public void resetColorAndSGR() throws IOException {
        writeToTerminal();
        blanks.reset();
        encoding.reset();
        super.resetColorAndSGR();
    }
}
