package dev.weft.bench;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.tui.ByteTerminal;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.render.Frame;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Size;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.update.Update;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One keystroke end to end at 200×50: update, render the whole frame, and the delta refresh
 * written to an ANSI byte stream, on a loom of 100,000 nodes (10 tokens each, top-5
 * alternatives), in the read view and in the tree view.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TuiBench {
    static final Size SIZE = new Size(200, 50);

    @Param({"read", "tree"})
    public String view;

    private UiState state;
    private TerminalScreen screen;
    private Palette palette;
    private boolean left;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        state = bigLoom(view.equals("tree"));
        palette = new Palette(ColorDepth.TRUECOLOR);
        screen = new TerminalScreen(ByteTerminal.of(SIZE.cols(), SIZE.rows()));
        screen.startScreen();
        frame(state);
    }

    /** A cursor or row move: update, render, delta refresh. */
    @Benchmark
    public UiState keystroke100kNodes() throws IOException {
        left = !left;
        Action move = view.equals("tree") ? (left ? Action.ROW_UP : Action.ROW_DOWN)
                : (left ? Action.CURSOR_LEFT : Action.CURSOR_RIGHT);
        state = Update.update(state, UiFixtures.key(state, move)).state();
        frame(state);
        return state;
    }

    private void frame(UiState s) throws IOException {
        frame(screen, palette, s);
    }

    static void frame(TerminalScreen screen, Palette palette, UiState s) throws IOException {
        Frame.render(s, screen.newTextGraphics(), palette);
        screen.refresh(Screen.RefreshType.DELTA);
    }

    static UiState bigLoom(boolean tree) {
        Loom loom = SessionBench.tree(100_000, 10, 5, 42);
        NodeId deepest = deepest(loom);
        UiState s = UiFixtures.empty().withLoom(loom).withSize(SIZE);
        s = s.withFocus(new Focus(deepest, 5));
        s = Update.update(s, new Msg.Resized(SIZE)).state();
        return tree ? Update.update(s, UiFixtures.key(s, Action.TREE_VIEW)).state() : s;
    }

    private static NodeId deepest(Loom loom) {
        NodeId best = loom.roots().get(0);
        int depth = 0;
        for (Node n : loom.nodes()) {
            int d = loom.path(n.id()).size();
            if (d > depth) {
                depth = d;
                best = n.id();
            }
        }
        return best;
    }
}
