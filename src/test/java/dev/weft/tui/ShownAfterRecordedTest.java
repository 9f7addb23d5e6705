package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.model.LanguageModel;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Settings;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.ThemeLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The loom draws a change only once its journal line is written (weft-session(5),
 * "Durability": a change weft has shown survives a crash). Found by the loom crash harness's
 * reasoning: the journal is written on the I/O thread, behind any save in progress, while the
 * screen was redrawn at once; a kill in between lost text the user had seen. Here the disk
 * holds the write until the test lets it go.
 */
class ShownAfterRecordedTest {
    @Test
    void aPromptIsDrawnOnlyAfterItsJournalWriteIsDone() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SlowDisk session = new SlowDisk(MemorySession.empty(), writing, release);
        ExecutorService io = Executors.newSingleThreadExecutor();
        try {
            DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
            AppLoop loop = loop(terminal, session, io);
            loop.round(0);
            for (KeyStroke key : new KeyStroke[] {new KeyStroke('i', false, false), new KeyStroke('M', false, false),
                    new KeyStroke('r', false, false), new KeyStroke('.', false, false), new KeyStroke(KeyType.Escape)}) {
                loop.post(new Msg.Key(KeySpec.of(key), TuiHarness.CLOCK.instant()));
            }
            Thread round = new Thread(() -> {
                try {
                    loop.round(0);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            round.start();
            assertTrue(writing.await(10, TimeUnit.SECONDS), "the prompt was never journaled");
            round.join(300);
            assertFalse(ScreenText.of(terminal).contains("Mr."), "the prompt is on screen before it is recorded:\n"
                    + ScreenText.of(terminal));
            release.countDown();
            round.join(10_000);
            assertFalse(round.isAlive());
            assertTrue(ScreenText.of(terminal).contains("Mr."), ScreenText.of(terminal));
            assertEquals(1, session.memory.journal.size());
        } finally {
            release.countDown();
            io.shutdownNow();
        }
    }

    private static AppLoop loop(DefaultVirtualTerminal terminal, LoomSession session, ExecutorService io) throws IOException {
        LanguageModel model = TestModels.embedded();
        ThemeLibrary themes = new ThemeLibrary(null);
        Settings settings = LoomApp.settings(TuiConfig.NONE, ColorDepth.TRUECOLOR.label(), Map.of(), themes, model, model.backend());
        TerminalScreen screen = new TerminalScreen(terminal);
        AppLoop[] holder = new AppLoop[1];
        EffectRunner effects = new EffectRunner(Runnable::run, io, m -> holder[0].post(m), session,
                path -> MemorySession.empty(), model, settings.backend(), BackendCatalog.only(model.backend(), model), themes);
        screen.startScreen();
        holder[0] = new AppLoop(screen, LoomApp.initialState(settings, session.name()), effects, new ScriptedCommandLine(),
                TuiHarness.CLOCK);
        holder[0].post(LoomApp.opened(session));
        return holder[0];
    }

    /** A session whose journal writes wait until the test releases them. */
    private record SlowDisk(MemorySession memory, CountDownLatch writing, CountDownLatch release) implements LoomSession {
        @Override
        public String name() {
            return memory.name();
        }

        @Override
        public Loom loom() {
            return memory.loom();
        }

        @Override
        public Focus focus() {
            return memory.focus();
        }

        @Override
        public Map<String, String> settings() {
            return memory.settings();
        }

        @Override
        public void record(LoomAction action) throws IOException {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            memory.record(action);
        }

        @Override
        public void recordView(Focus focus, Map<String, String> settings) {
            memory.recordView(focus, settings);
        }

        @Override
        public void recordAnalysis(dev.weft.analysis.AnalysisRecord record) {
            memory.recordAnalysis(record);
        }

        @Override
        public void save() {
            memory.save();
        }

        @Override
        public LoomSession saveAs(Path target) {
            return memory.saveAs(target);
        }
    }
}
