package dev.weft.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.weft.model.Capabilities;
import dev.weft.replay.Recording;
import dev.weft.replay.Replay;
import dev.weft.session.SessionException;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.PlayerState;
import dev.weft.tui.state.Settings;
import dev.weft.tui.state.Size;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ThemeLibrary;
import dev.weft.tui.update.PlayerScreens;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code weft replay FILE}: the full-screen player. It rebuilds the exploration step by step from
 * the recording (no backend is called) and shows each step as the loom showed it; taking over
 * writes the steps so far to a new session, which the loom then opens.
 */
public final class PlayerApp {
    /** What the player shows before the recording names its backend. */
    static final Backend NO_BACKEND =
            new Backend("(none yet)", "", "", new Capabilities(0, false, false, false, false, false));

    private PlayerApp() {}

    /**
     * @param colors none, 16, 256 or truecolor; null = from the config or the environment
     */
    public record Launch(Path recording, Path config, String colors) {}

    /**
     * @param exit   0, 1 (terminal or file failed) or 2 (bad config or colour depth)
     * @param forked the session the user took over, for the loom to open; null when they left
     */
    public record Outcome(int exit, Path forked) {}

    public static Outcome run(Launch launch, Map<String, String> env, PrintWriter err) {
        if (System.console() == null) {
            err.println("weft: the player needs a terminal (stdin and stdout must be a tty); "
                    + "weft replay --headless prints the steps instead");
            return new Outcome(1, null);
        }
        Replay replay;
        Settings settings;
        try {
            replay = Replay.of(Recording.open(launch.recording()));
            settings = LoomApp.settings(TuiConfig.load(launch.config()), launch.colors(), env,
                    ThemeLibrary.standard(env), NO_BACKEND);
        } catch (IllegalArgumentException e) {
            err.println("weft: " + e.getMessage());
            return new Outcome(2, null);
        } catch (SessionException | IOException e) {
            err.println("weft: " + e.getMessage());
            return new Outcome(1, null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("weft-player-timer"));
        ExecutorService io = Executors.newSingleThreadExecutor(daemon("weft-io"));
        try {
            TerminalScreen screen = new TerminalScreen(new WeftTerminal());
            screen.startScreen();
            try {
                TerminalSize size = screen.getTerminalSize();
                PlayerLoop loop = new PlayerLoop(screen, initial(replay, settings, launch.recording(),
                        new Size(size.getColumns(), size.getRows())),
                        (delay, then) -> timer.schedule(then, delay.toNanos(), TimeUnit.NANOSECONDS),
                        io, launch.recording());
                return new Outcome(0, loop.run());
            } finally {
                screen.stopScreen();
            }
        } catch (IOException e) {
            err.println("weft: " + e.getMessage());
            return new Outcome(1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(1, null);
        } finally {
            timer.shutdownNow();
            io.shutdown();
        }
    }

    /** The player at step 0 of {@code replay}. */
    static PlayerState initial(Replay replay, Settings settings, Path recording, Size size) {
        UiState base = LoomApp.initialState(settings, recording.getFileName().toString()).withSize(size);
        return PlayerState.initial(replay, PlayerScreens.at(replay, 0, base));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
