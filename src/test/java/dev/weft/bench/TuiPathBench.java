package dev.weft.bench;

import com.googlecode.lanterna.screen.TerminalScreen;
import dev.weft.loom.Alternative;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.Origin;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.tui.ByteTerminal;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The read view on a path of 10,000 tokens (1,000 nodes of 10) at 200×50: a cursor move (the
 * layout is kept between keys), and a frame after a token streamed in (the whole path is laid
 * out again).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TuiPathBench {
    private UiState path;
    private TerminalScreen screen;
    private Palette palette;
    private boolean left;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        path = longPath(1000, 10);
        palette = new Palette(ColorDepth.TRUECOLOR);
        screen = new TerminalScreen(ByteTerminal.of(TuiBench.SIZE.cols(), TuiBench.SIZE.rows()));
        screen.startScreen();
        TuiBench.frame(screen, palette, path);
    }

    @Benchmark
    public UiState keystroke() throws IOException {
        left = !left;
        path = Update.update(path, UiFixtures.key(path, left ? Action.CURSOR_LEFT : Action.CURSOR_RIGHT)).state();
        TuiBench.frame(screen, palette, path);
        return path;
    }

    @Benchmark
    public UiState tokenArrives() throws IOException {
        Node last = path.loom().node(path.focus().current());
        Loom extended = path.loom().extend(last.id(), TokenRun.of(Token.of(" x", -0.1, List.of())));
        UiState s = path.withLoom(extended);
        TuiBench.frame(screen, palette, s);
        return s;
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
        UiState s = UiFixtures.empty().withLoom(at.loom()).withSize(TuiBench.SIZE)
                .withFocus(new Focus(at.node(), nodes * tokens / 2));
        return Update.update(s, new Msg.Resized(TuiBench.SIZE)).state();
    }
}
