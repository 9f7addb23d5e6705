package dev.weft.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An ANSI terminal writing into memory through the same {@link TerminalEncoding} and
 * {@link BlankRuns} as {@link WeftTerminal}: the bytes weft would send to a tty, without needing one.
 */
public final class ByteTerminal extends ANSITerminal {
    private final ByteArrayOutputStream out;
    private final TerminalSize size;
    private final TerminalEncoding encoding = new TerminalEncoding();
    private final BlankRuns blanks = new BlankRuns();

    private ByteTerminal(ByteArrayOutputStream out, TerminalSize size) {
        super(new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8);
        this.out = out;
        this.size = size;
    }

    public static ByteTerminal of(int cols, int rows) {
        return new ByteTerminal(new ByteArrayOutputStream(), new TerminalSize(cols, rows));
    }

    @Override
    protected TerminalSize findTerminalSize() {
        return size;
    }

    @Override
    protected synchronized void onResized(TerminalSize newSize) {
        if (blanks != null) {
            blanks.width(newSize.getColumns());
        }
        super.onResized(newSize);
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

    /** Everything written so far, the blanks held back included. */
    public byte[] bytes() {
        try {
            writeToTerminal();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public String text() {
        bytes();
        return out.toString(StandardCharsets.UTF_8);
    }

    public void reset() {
        out.reset();
    }
}
