package dev.weft.tui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.weft.loom.Alternative;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.tui.ByteTerminal;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Size;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.update.Update;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What drawing a tree-view frame costs, counted in bytes allocated (not time): a key in the tree
 * of a big session redraws every visible row, and what it allocates decides how often a young
 * collection interrupts the keys (README, Benchmarks). 200x50, a seeded tree of 1,000 nodes of
 * 10 scored tokens with alternatives, keys j and k.
 */
class TreeFrameWorkTest {
    private static final Size SIZE = new Size(200, 50);

    @Test
    void aTreeFrameAllocatesLittleBesidesItsRows() throws IOException {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported());
        long perFrame = allocatedPerFrame(50, 50);
        // ~600 KB a frame here before (a glyph list and strings per token, a new style and an EnumSet
        // per token drawn over the row's base, a lambda per cell, a 50 KB grid, the alternatives'
        // entropies of every row); ~75 KB now (~60 KB compiled, on the 100,000-node session)
        assertTrue(perFrame < 160_000, "a tree-view frame allocated " + perFrame + " bytes");
    }

    @Test
    void theFrameIsTheSameWhicheverGridItIsDrawnIn() throws IOException {
        UiState s = treeState(300);
        List<String> first = new ArrayList<>();
        List<String> again = new ArrayList<>();
        Palette palette = new Palette(ColorDepth.TRUECOLOR);
        for (List<String> out : List.of(first, again)) {
            ByteTerminal terminal = ByteTerminal.of(SIZE.cols(), SIZE.rows());
            TerminalScreen screen = new TerminalScreen(terminal);
            screen.startScreen();
            UiState at = s;
            for (int i = 0; i < 6; i++) {
                at = Update.update(at, UiFixtures.key(at, i % 3 == 2 ? Action.ROW_UP : Action.ROW_DOWN)).state();
                Frame.render(at, screen.newTextGraphics(), palette);
                terminal.reset();
                screen.refresh(Screen.RefreshType.DELTA);
                out.add(new String(terminal.bytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertEquals(first, again, "the second screen draws in the grid the first one handed on");
    }

    /** Bytes the drawing thread allocates per tree-view frame, after {@code warmUp} frames. */
    static long allocatedPerFrame(int warmUp, int frames) throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        UiState s = treeState(1000);
        TerminalScreen screen = new TerminalScreen(ByteTerminal.of(SIZE.cols(), SIZE.rows()));
        screen.startScreen();
        Palette palette = new Palette(ColorDepth.TRUECOLOR);
        long id = Thread.currentThread().getId();
        long total = 0;
        for (int i = -warmUp; i < frames; i++) {
            s = Update.update(s, UiFixtures.key(s, (i & 1) == 0 ? Action.ROW_DOWN : Action.ROW_UP)).state();
            long before = threads.getThreadAllocatedBytes(id);
            Frame.render(s, screen.newTextGraphics(), palette);
            long after = threads.getThreadAllocatedBytes(id);
            screen.refresh(Screen.RefreshType.DELTA);
            if (i >= 0) {
                total += after - before;
            }
        }
        return total / frames;
    }

    static UiState treeState(int nodes) {
        SplittableRandom random = new SplittableRandom(5);
        Loom.Result root = Loom.empty().addRoot(TokenRun.unscored("Mr President,"));
        Loom loom = root.loom();
        List<NodeId> ids = new ArrayList<>(List.of(root.node()));
        while (loom.size() < nodes) {
            List<Token> tokens = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                List<Alternative> top = new ArrayList<>();
                for (int a = 0; a < 5; a++) {
                    top.add(Alternative.of(" w" + Integer.toString(random.nextInt(5000), 36), -a - random.nextDouble()));
                }
                tokens.add(new Token(top.get(0).piece(), top.get(0).logprob(), top));
            }
            Loom.Result added = loom.append(ids.get(random.nextInt(ids.size())), TokenRun.of(tokens), Origin.MODEL, null);
            loom = added.loom();
            ids.add(added.node());
        }
        UiState s = UiFixtures.empty().withLoom(loom).withFocus(new dev.weft.tui.state.Focus(ids.get(ids.size() - 1), 0));
        s = Update.update(s, new Msg.Resized(SIZE)).state();
        return Update.update(s, UiFixtures.key(s, Action.TREE_VIEW)).state();
    }
}
