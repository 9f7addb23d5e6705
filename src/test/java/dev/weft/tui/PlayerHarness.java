package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.fail;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.weft.replay.Recording;
import dev.weft.replay.Replay;
import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.Context;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.state.PlayerState;
import dev.weft.tui.state.Settings;
import dev.weft.tui.state.Size;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.ThemeLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The real player loop on Lanterna's virtual terminal. Keys are pressed by action name through
 * the keymap's player table; the play timer is driven by hand ({@link #waitOnce}), and take-over
 * runs on the test thread. The screen is read back as text and cells.
 */
final class PlayerHarness {
    /** A wait the player asked for, not yet over. */
    record Pending(Duration delay, Runnable then) {}

    final DefaultVirtualTerminal terminal;
    final PlayerLoop loop;
    final Deque<Pending> waits = new ArrayDeque<>();

    private PlayerHarness(Path recording, int cols, int rows, ColorDepth depth) throws Exception {
        terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        TerminalScreen screen = new TerminalScreen(terminal);
        Settings settings = LoomApp.settings(TuiConfig.NONE, depth.label(), Map.of(), new ThemeLibrary(null),
                PlayerApp.NO_BACKEND);
        Replay replay = Replay.of(Recording.open(recording));
        PlayerState initial = PlayerApp.initial(replay, settings, recording, new Size(cols, rows));
        screen.startScreen();
        loop = new PlayerLoop(screen, initial, (delay, then) -> waits.add(new Pending(delay, then)), Runnable::run,
                recording);
        settle();
    }

    static PlayerHarness start(Path recording) throws Exception {
        return new PlayerHarness(recording, 80, 24, ColorDepth.TRUECOLOR);
    }

    static PlayerHarness start(Path recording, int cols, int rows) throws Exception {
        return new PlayerHarness(recording, cols, rows, ColorDepth.TRUECOLOR);
    }

    PlayerHarness press(Action action) {
        KeySpec key = loop.state().screen().settings().keymap().keyFor(Context.PLAYER, action)
                .orElseThrow(() -> new AssertionError(action + " is not bound in the player"));
        return key(key.toStroke());
    }

    PlayerHarness press(Action action, int times) {
        for (int i = 0; i < times; i++) {
            press(action);
        }
        return this;
    }

    PlayerHarness type(String text) {
        for (char c : text.toCharArray()) {
            key(new KeyStroke(c, false, false));
        }
        return this;
    }

    PlayerHarness key(KeyStroke stroke) {
        terminal.addInput(stroke);
        return settle();
    }

    /** The oldest wait is over: its tick arrives. */
    PlayerHarness waitOnce() {
        Pending wait = waits.poll();
        if (wait == null) {
            fail("the player is not waiting for anything");
        }
        wait.then().run();
        return settle();
    }

    PlayerHarness settle() {
        try {
            for (int i = 0; i < 200; i++) {
                loop.round(0);
                if (!loop.hasPending()) {
                    return this;
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        fail("the player did not settle");
        return this;
    }

    PlayerState state() {
        return loop.state();
    }

    String screenText() {
        return ScreenText.of(terminal);
    }

    TextCharacter cell(int col, int row) {
        return terminal.getCharacter(col, row);
    }
}
