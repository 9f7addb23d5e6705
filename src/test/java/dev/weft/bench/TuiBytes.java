package dev.weft.bench;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.weft.tui.ByteTerminal;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.render.Frame;
import dev.weft.tui.render.Scrolling;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.update.Update;
import java.io.IOException;

/**
 * Bytes written to the terminal for one key at 200×50 with the delta refresh (and the scroll hint
 * the app loop gives), against a full redraw: what an SSH connection carries per keystroke. In
 * the tree the selection starts on the last row shown, so every row move scrolls. A figure, not
 * a time.
 */
public final class TuiBytes {
    private TuiBytes() {}

    public static void main(String[] args) throws IOException {
        report();
    }

    public static void report() throws IOException {
        for (boolean tree : new boolean[] {false, true}) {
            UiState s = TuiBench.bigLoom(tree);
            Action move = tree ? Action.ROW_DOWN : Action.CURSOR_RIGHT;
            ByteTerminal terminal = ByteTerminal.of(TuiBench.SIZE.cols(), TuiBench.SIZE.rows());
            TerminalScreen screen = new TerminalScreen(terminal);
            screen.startScreen();
            Palette palette = new Palette(ColorDepth.TRUECOLOR);
            Frame.render(s, screen.newTextGraphics(), palette);
            terminal.reset();
            screen.refresh(Screen.RefreshType.COMPLETE);
            int full = terminal.bytes().length;
            long total = 0;
            int keys = 20;
            for (int i = 0; i < keys; i++) {
                UiState before = s;
                s = Update.update(s, UiFixtures.key(s, move)).state();
                terminal.reset();
                Scrolling.hint(screen, before, s);
                Frame.render(s, screen.newTextGraphics(), palette);
                screen.refresh(Screen.RefreshType.DELTA);
                total += terminal.bytes().length;
            }
            System.out.printf("[tui] %s view, 100,000 nodes, 200x50 truecolor: %,d bytes per %s (delta); full redraw %,d bytes%n",
                    tree ? "tree" : "read", total / keys, tree ? "row move" : "cursor move", full);
        }
    }
}
