package dev.weft.bench;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.weft.loom.Alternative;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * written to an ANSI byte stream. On a loom of 100,000 nodes (10 tokens each, top-5
 * alternatives) in the read view and in the tree view, and on a path of 10,000 tokens, where a
 * streamed token also re-lays out the whole path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TuiBench {
    static final Size SIZE = new Size(200, 50);

    @Param({"read", "tree"})
    public String view;

    private UiState state;
    private UiState longPath;
    private TerminalScreen screen;
    private Palette palette;
    private boolean left;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        state = bigLoom(view.equals("tree"));
        longPath = longPath(1000, 10);
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

    /** A cursor move on a 10,000-token path (its layout is kept between keys). */
    @Benchmark
    public UiState keystroke10kTokenPath() throws IOException {
        left = !left;
        longPath = Update.update(longPath, UiFixtures.key(longPath, left ? Action.CURSOR_LEFT : Action.CURSOR_RIGHT)).state();
        frame(longPath);
        return longPath;
    }

    /** Rendering the 10,000-token path from scratch: the layout rebuilt, as when a streamed token arrives. */
    @Benchmark
    public UiState relayout10kTokenPath() throws IOException {
        Node last = longPath.loom().node(longPath.focus().current());
        Loom extended = longPath.loom().extend(last.id(), TokenRun.of(Token.of(" x", -0.1, List.of())));
        UiState s = longPath.withLoom(extended);
        frame(s);
        return s;
    }

    private void frame(UiState s) throws IOException {
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

    /** A chain of {@code nodes} model nodes of {@code tokens} tokens each (top-5 alternatives), cursor in the middle. */
    static UiState longPath(int nodes, int tokens) {
        SplittableRandom random = new SplittableRandom(7);
        Loom.Result at = Loom.empty().addRoot(TokenRun.unscored("Mr President,"));
        for (int n = 0; n < nodes; n++) {
            List<Token> run = new ArrayList<>();
            for (int t = 0; t < tokens; t++) {
                List<Alternative> top = new ArrayList<>();
                for (int a = 0; a < 5; a++) {
                    top.add(Alternative.of(" w" + Integer.toString(random.nextInt(5000), 36), -a - random.nextDouble()));
                }
                run.add(new Token(top.get(0).piece(), top.get(0).logprob(), top));
            }
            at = at.loom().append(at.node(), TokenRun.of(run), Origin.MODEL, null);
        }
        UiState s = UiFixtures.empty().withLoom(at.loom()).withSize(SIZE).withFocus(new Focus(at.node(), nodes * tokens / 2));
        return Update.update(s, new Msg.Resized(SIZE)).state();
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
