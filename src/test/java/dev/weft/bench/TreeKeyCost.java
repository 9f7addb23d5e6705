package dev.weft.bench;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.weft.tui.ByteTerminal;
import dev.weft.tui.StoreSession;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.render.Frame;
import dev.weft.tui.render.Scrolling;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.update.Update;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What one key costs the UI thread in the tree view of a session file (the 100,000-node one of
 * {@link BigSession}), as the loom's round runs it: update, render the 200x50 frame, the delta
 * refresh to an ANSI byte stream. Keys alternate j and k, as {@code bench.py keys} sends them.
 * Prints, per key, the bytes the thread allocated and its CPU time for each step (min / median /
 * max over {@code --keys N} keys after a warm-up), and the bytes written to the terminal: figures
 * the machine's load changes little.
 *
 * <pre>java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" dev.weft.bench.TreeKeyCost FILE [KEYS] [WARMUP]</pre>
 */
public final class TreeKeyCost {
    private TreeKeyCost() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 320;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        StoreSession session = StoreSession.open(file);
        UiState s = UiFixtures.empty();
        s = Update.update(s, new Msg.Resized(TuiBench.SIZE)).state();
        s = Update.update(s, new Msg.SessionOpened(session.name(), session.loom(), session.focus(), session.settings())).state();
        s = Update.update(s, UiFixtures.key(s, Action.TREE_VIEW)).state();
        ByteTerminal terminal = ByteTerminal.of(TuiBench.SIZE.cols(), TuiBench.SIZE.rows());
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        Palette palette = new Palette(ColorDepth.TRUECOLOR);
        Frame.render(s, screen.newTextGraphics(), palette);
        screen.refresh(Screen.RefreshType.COMPLETE);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long[][] alloc = new long[3][keys];
        long[][] cpu = new long[3][keys];
        long[] bytes = new long[keys];
        for (int i = -warmup; i < keys; i++) {
            Action move = (i & 1) == 0 ? Action.ROW_DOWN : Action.ROW_UP;
            long a0 = threads.getThreadAllocatedBytes(id);
            long c0 = threads.getCurrentThreadCpuTime();
            UiState before = s;
            s = Update.update(s, UiFixtures.key(s, move)).state();
            long a1 = threads.getThreadAllocatedBytes(id);
            long c1 = threads.getCurrentThreadCpuTime();
            Scrolling.hint(screen, before, s);
            Frame.render(s, screen.newTextGraphics(), palette);
            long a2 = threads.getThreadAllocatedBytes(id);
            long c2 = threads.getCurrentThreadCpuTime();
            terminal.reset();
            screen.refresh(Screen.RefreshType.DELTA);
            long a3 = threads.getThreadAllocatedBytes(id);
            long c3 = threads.getCurrentThreadCpuTime();
            if (i >= 0) {
                alloc[0][i] = a1 - a0;
                alloc[1][i] = a2 - a1;
                alloc[2][i] = a3 - a2;
                cpu[0][i] = c1 - c0;
                cpu[1][i] = c2 - c1;
                cpu[2][i] = c3 - c2;
                bytes[i] = terminal.bytes().length;
            }
        }
        String[] steps = {"update", "render", "refresh"};
        long[] allocTotal = new long[keys];
        long[] cpuTotal = new long[keys];
        for (int k = 0; k < 3; k++) {
            System.out.printf("[tree key] %-7s allocated %s B, CPU %s us%n", steps[k], spread(alloc[k], 1), spread(cpu[k], 1000));
            for (int i = 0; i < keys; i++) {
                allocTotal[i] += alloc[k][i];
                cpuTotal[i] += cpu[k][i];
            }
        }
        System.out.printf("[tree key] whole   allocated %s B, CPU %s us; written %s B (%d keys after %d, %s, %,d nodes)%n",
                spread(allocTotal, 1), spread(cpuTotal, 1000), spread(bytes, 1), keys, warmup, file.getFileName(),
                s.loom().size());
    }

    private static String spread(long[] values, long scale) {
        long[] v = values.clone();
        Arrays.sort(v);
        return String.format("%,d / %,d / %,d", v[0] / scale, v[v.length / 2] / scale, v[v.length - 1] / scale);
    }
}
