package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.weft.config.WeftConfig;
import dev.weft.model.DeferredModel;
import dev.weft.model.LanguageModel;
import dev.weft.tui.state.UiState;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loom's first frame comes before its background work (the model's loading, the search for
 * model files): on two cores that work would take a core from the frame. Each piece waits for the
 * frame and starts once it is drawn.
 */
class AfterFirstFrameTest {
    @TempDir Path home;

    @Test
    void tasksWaitForTheFrameThenStartInOrderAndLaterOnesAtOnce() throws Exception {
        AfterFirstFrame gate = new AfterFirstFrame("test");
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        gate.execute(() -> { ran.add("a"); both.countDown(); });
        gate.execute(() -> { ran.add("b"); both.countDown(); });
        Thread.sleep(50);
        assertEquals(List.of(), ran, "nothing runs before the first frame");
        assertTrue(gate.held());

        gate.open();
        assertTrue(both.await(10, TimeUnit.SECONDS));
        assertFalse(gate.held());
        CountDownLatch later = new CountDownLatch(1);
        gate.execute(later::countDown);
        assertTrue(later.await(10, TimeUnit.SECONDS), "after the frame, a task starts at once");
        gate.open(); // a second frame changes nothing
    }

    @Test
    void theModelLoadsOnlyOnceTheGateOpens() throws Exception {
        AfterFirstFrame gate = new AfterFirstFrame("test");
        CountDownLatch loaded = new CountDownLatch(1);
        TinyModel tiny = new TinyModel(true);
        List<String> asked = new CopyOnWriteArrayList<>();
        DeferredModel model = DeferredModel.start("tiny", "tiny", tiny.capabilities(), () -> {
            asked.add("open");
            return tiny;
        }, why -> {}, loaded::countDown, gate);
        Thread.sleep(50);
        assertEquals(List.of(), asked, "the model is not opened before the first frame");
        assertFalse(model.isDone());
        gate.open();
        assertTrue(loaded.await(10, TimeUnit.SECONDS));
        assertEquals(tiny, model.await());
    }

    @Test
    void theSearchForModelFilesStartsOnlyOnceTheGateOpens() throws Exception {
        AfterFirstFrame gate = new AfterFirstFrame("test");
        ConfiguredBackends backends = new ConfiguredBackends(WeftConfig.EMPTY, home.resolve("config.json"),
                Map.of("HOME", home.toString()), null, line -> {}, null, null, gate);
        var offer = backends.offer();
        Thread.sleep(50);
        assertFalse(offer.isDone(), "no search before the first frame");
        gate.open();
        assertTrue(offer.get(10, TimeUnit.SECONDS).isEmpty(), "an empty home offers nothing");
    }

    @Test
    void theLoopRunsItsAfterFirstFrameWorkOnceTheFrameIsDrawn() throws Exception {
        PipedOutputStream typed = new PipedOutputStream();
        KeyReader reader = new KeyReader(new PipedInputStream(typed, 4096));
        reader.start();
        TinyModel model = new TinyModel(true);
        UiState initial = LoomApp.initialState(UiFixtures.settings(model), "new.json");
        AppLoop[] holder = new AppLoop[1];
        List<Runnable> io = new ArrayList<>();
        EffectRunner effects = new EffectRunner(Runnable::run, io::add, m -> holder[0].post(m), null, StoreSession::open,
                model, initial.settings().backend(), BackendCatalog.only(model.backend(), model),
                new dev.weft.tui.theme.ThemeLibrary(null));
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        holder[0] = new AppLoop(screen, initial, effects, new ScriptedCommandLine(), Clock.systemUTC(),
                new AppLoop.Keys(reader, () -> {}));
        List<String> ran = new ArrayList<>();
        holder[0].afterFirstFrame(() -> ran.add("first " + !screen(terminal).isBlank()));
        holder[0].afterFirstFrame(() -> ran.add("second"));
        assertEquals(List.of(), ran);
        holder[0].round(0);
        assertEquals(List.of("first true", "second"), ran, "after the frame is on the screen, in order");
        holder[0].afterFirstFrame(() -> ran.add("later"));
        assertEquals(List.of("first true", "second", "later"), ran, "once drawn, at once");
        typed.close();
    }

    /** What the terminal shows. */
    private static String screen(DefaultVirtualTerminal terminal) {
        StringBuilder text = new StringBuilder();
        for (int y = 0; y < terminal.getTerminalSize().getRows(); y++) {
            for (int x = 0; x < terminal.getTerminalSize().getColumns(); x++) {
                text.append(terminal.getCharacter(x, y).getCharacterString());
            }
        }
        return text.toString();
    }
}
