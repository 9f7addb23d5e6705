package dev.weft.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import dev.weft.tui.theme.Palette;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The real terminal: Lanterna's Unix terminal with Ctrl-C delivered as a key (weft saves before
 * it exits, and Ctrl-C cancels a generation), plus faint text. Lanterna 3 has no SGR for faint,
 * so the screen buffer carries it as {@link Palette#FAINT} and this terminal writes SGR 2.
 * Bold and faint share their "off" code (SGR 22), so turning one off re-enables the other.
 */
final class FaintTerminal extends UnixTerminal {
    private static final byte[] FAINT_ON = "\u001b[2m".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BOLD_ON = "\u001b[1m".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NORMAL_INTENSITY = "\u001b[22m".getBytes(StandardCharsets.US_ASCII);

    private boolean bold;
    private boolean faint;

    FaintTerminal() throws IOException {
        super(System.in, System.out, StandardCharsets.UTF_8, UnixLikeTerminal.CtrlCBehaviour.TRAP);
    }

    @Override
    public void enableSGR(SGR sgr) throws IOException {
        if (sgr == Palette.FAINT) {
            faint = true;
            writeToTerminal(FAINT_ON);
            return;
        }
        if (sgr == SGR.BOLD) {
            bold = true;
        }
        super.enableSGR(sgr);
    }

    @Override
    public void disableSGR(SGR sgr) throws IOException {
        if (sgr == Palette.FAINT || sgr == SGR.BOLD) {
            faint = faint && sgr != Palette.FAINT;
            bold = bold && sgr != SGR.BOLD;
            writeToTerminal(NORMAL_INTENSITY);
            if (bold) {
                writeToTerminal(BOLD_ON);
            }
            if (faint) {
                writeToTerminal(FAINT_ON);
            }
            return;
        }
        super.disableSGR(sgr);
    }

    @Override
    public void resetColorAndSGR() throws IOException {
        bold = false;
        faint = false;
        super.resetColorAndSGR();
    }
}
