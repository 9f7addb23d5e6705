package dev.weft.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An ANSI terminal writing into memory through the same {@link TerminalEncoding} as
 * {@link WeftTerminal}: the bytes weft would send to a tty, without needing one.
 */
public final class ByteTerminal extends ANSITerminal {
    private final ByteArrayOutputStream out;
    private final TerminalSize size;
    private final TerminalEncoding encoding = new TerminalEncoding();

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
    protected byte[] translateCharacter(char c) {
        return encoding.character(c);
    }

    @Override
    public void enableSGR(SGR sgr) throws IOException {
        byte[] own = encoding.enable(sgr);
        if (own != null) {
            writeToTerminal(own);
        } else {
            super.enableSGR(sgr);
        }
    }

    @Override
    public void disableSGR(SGR sgr) throws IOException {
        byte[] own = encoding.disable(sgr);
        if (own != null) {
            writeToTerminal(own);
        } else {
            super.disableSGR(sgr);
        }
    }

    @Override
    public void resetColorAndSGR() throws IOException {
        encoding.reset();
        super.resetColorAndSGR();
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    public String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public void reset() {
        out.reset();
    }
}
