package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.session.RandomLooms;
import dev.weft.session.Session;
import dev.weft.session.SessionBackends;
import dev.weft.session.SessionFile;
import dev.weft.session.SessionView;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.UiState;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A big session comes up as the path the user was on, read from the start of its file, while the
 * whole tree is read on the I/O thread: meanwhile keys wait and nothing is saved (the screen holds
 * the path alone); then the whole session replaces it and the keys typed meanwhile follow. A file
 * whose rest does not read ends the loom without saving anything over it.
 */
class PathFirstOpeningTest {
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;

    /** The I/O thread, stepped by hand. */
    private final Queue<Runnable> io = new ArrayDeque<>();
    private final Executor ioThread = io::add;

    @Test
    void thePathComesFirstAndTheWholeSessionThenTheKeys() throws Exception {
        Path file = dir.resolve("big.json");
        Loom loom = RandomLooms.grow(11, 80);
        NodeId end = deepest(loom);
        SessionFile.write(file, new Session(AT, AT, 0, SessionBackends.NONE, SessionView.START.at(end, 0), loom));

        LoomApp.PathFirst first = LoomApp.pathFirst(file, 0);
        assertNotNull(first);
        assertEquals(loom.path(end).size(), first.opened().loom().size());
        PipedOutputStream typed = new PipedOutputStream();
        AppLoop loop = loop(typed);
        loop.showWhileOpening(first.opened(), "opening big.json",
                () -> effects.openInBackground(file, loop::connectKeys, loop::openFailed));
        assertTrue(io.isEmpty(), "the rest is read after the first frame");
        typed.write("j".getBytes(StandardCharsets.UTF_8));
        typed.flush();
        Thread.sleep(100); // the reader holds the key

        loop.round(0);
        loop.round(0);
        UiState shown = loop.state();
        assertEquals(first.opened().loom(), shown.loom(), "the path is on screen");
        assertEquals(first.opened().focus(), shown.focus(), "at " + end + " preview focus " + first.opened().focus());
        assertFalse(loop.hasPending(), "a key typed while the tree is read waits");
        assertTrue(loop.saveNow(), "nothing to save while opening");
        assertEquals(1, io.size(), "no save queued behind the opening (it would write the path alone)");

        io.poll().run(); // the I/O thread opens the whole session, then connects the keys
        assertTrue(loop.hasPending());
        loop.round(0);
        assertEquals(loom.size(), loop.state().loom().size(), "the whole tree replaced the path");
        assertEquals(first.opened().focus(), loop.state().focus());
        assertNull(loop.openFailure());
    }

    @Test
    void aFileWhoseRestDoesNotReadEndsTheLoomAndIsLeftAsItWas() throws Exception {
        Path file = dir.resolve("cut.json");
        Loom loom = RandomLooms.grow(12, 80);
        NodeId end = deepest(loom);
        SessionFile.write(file, new Session(AT, AT, 0, SessionBackends.NONE, SessionView.START.at(end, 0), loom));
        String text = Files.readString(file);
        String broken = text.substring(0, text.lastIndexOf("{\"id\":")) + "{\"id\":oops}\n]\n}\n";
        Files.writeString(file, broken);

        LoomApp.PathFirst first = LoomApp.pathFirst(file, 0);
        assertNotNull(first, "the path reads: it comes before the broken node");
        AppLoop loop = loop(new PipedOutputStream());
        loop.showWhileOpening(first.opened(), "opening cut.json",
                () -> effects.openInBackground(file, loop::connectKeys, loop::openFailed));
        loop.round(0);
        io.poll().run();
        assertNotNull(loop.openFailure());
        assertTrue(loop.openFailure().contains("cut.json"), loop.openFailure());
        loop.run(); // returns at once, saving nothing
        assertTrue(io.isEmpty(), "nothing written");
        assertEquals(broken, Files.readString(file));
    }

    private EffectRunner effects;

    private AppLoop loop(PipedOutputStream typed) throws Exception {
        KeyReader reader = new KeyReader(new PipedInputStream(typed, 4096));
        reader.start();
        TinyModel model = new TinyModel(true);
        UiState initial = LoomApp.initialState(UiFixtures.settings(model), "big.json");
        AppLoop[] holder = new AppLoop[1];
        effects = new EffectRunner(Runnable::run, ioThread, m -> holder[0].post(m), null, StoreSession::open, model,
                initial.settings().backend(), BackendCatalog.only(model.backend(), model), new dev.weft.tui.theme.ThemeLibrary(null));
        TerminalScreen screen = new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(80, 24)));
        screen.startScreen();
        holder[0] = new AppLoop(screen, initial, effects, new ScriptedCommandLine(), Clock.systemUTC(),
                new AppLoop.Keys(reader, () -> {}));
        return holder[0];
    }

    /** The deepest node on screen (not deleted, nor below a deleted one). */
    private static NodeId deepest(Loom loom) {
        NodeId best = null;
        for (Node n : loom.nodes()) {
            if (!loom.isHidden(n.id()) && (best == null || loom.path(n.id()).size() > loom.path(best).size())) {
                best = n.id();
            }
        }
        return best;
    }
}
