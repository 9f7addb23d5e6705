package dev.weft.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import dev.weft.tui.input.EscapeWait;
import dev.weft.tui.input.KeyDecoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The real terminal: Lanterna's Unix terminal with Ctrl-C delivered as a key (weft saves before
 * it exits, and Ctrl-C cancels a generation), writing through {@link TerminalEncoding}, reading
 * keys through {@link KeyDecoding} (Esc and a key typed together are two keys).
 */
final class WeftTerminal extends UnixTerminal {
    private final TerminalEncoding encoding = new TerminalEncoding();

    WeftTerminal() throws IOException {
        super(new EscapeWait(System.in), System.out, StandardCharsets.UTF_8, UnixLikeTerminal.CtrlCBehaviour.TRAP);
        KeyDecoding.install(getInputDecoder());
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
}
