package dev.weft.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.weft.replay.Fork;
import dev.weft.session.SessionException;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.render.PlayerFrame;
import dev.weft.tui.state.PlayerEffect;
import dev.weft.tui.state.PlayerMsg;
import dev.weft.tui.state.PlayerNext;
import dev.weft.tui.state.PlayerState;
import dev.weft.tui.state.Size;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.update.PlayerUpdate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The replay player's UI thread, shaped like the loom's {@link AppLoop}: it alone owns the screen,
 * handles what arrived in rounds, runs effects (waits on the timer, take-over on the I/O
 * executor; both come back as messages) and redraws once per round when the state changed.
 */
public final class PlayerLoop {
    /** Runs {@code then} after {@code delay}, on some thread: a timer the tests can drive by hand. */
    public interface Timer {
        void after(Duration delay, Runnable then);
    }

    private final Screen screen;
    private final Timer timer;
    private final Executor io;
    private final Path recording;
    private final Palette palette;
    private final BlockingQueue<PlayerMsg> inbox = new LinkedBlockingQueue<>();
    private PlayerState state;
    private PlayerState drawn;

    PlayerLoop(Screen screen, PlayerState initial, Timer timer, Executor io, Path recording) {
        this.screen = screen;
        this.state = initial;
        this.timer = timer;
        this.io = io;
        this.recording = recording;
        this.palette = new Palette(initial.screen().settings().depth());
    }

    public void post(PlayerMsg msg) {
        inbox.add(msg);
    }

    public PlayerState state() {
        return state;
    }

    boolean hasPending() {
        return !inbox.isEmpty();
    }

    /** Runs until the user leaves or takes over; returns the session taken over, or null. */
    public Path run() throws IOException, InterruptedException {
        while (!state.quitting()) {
            round(15);
        }
        return state.forked();
    }

    public void round(long waitMillis) throws IOException, InterruptedException {
        List<PlayerMsg> batch = new ArrayList<>();
        TerminalSize resized = screen.doResizeIfNecessary();
        if (resized != null || drawn == null) {
            TerminalSize size = resized != null ? resized : screen.getTerminalSize();
            batch.add(new PlayerMsg.Resized(new Size(size.getColumns(), size.getRows())));
            drawn = null;
        }
        PlayerMsg first = batch.isEmpty() ? inbox.poll(waitMillis, TimeUnit.MILLISECONDS) : null;
        if (first != null) {
            batch.add(first);
        }
        inbox.drainTo(batch);
        for (KeyStroke key = screen.pollInput(); key != null; key = screen.pollInput()) {
            if (key.getKeyType() == KeyType.EOF) {
                state = state.quit(null);
                return;
            }
            batch.add(new PlayerMsg.Key(KeySpec.of(key)));
        }
        for (PlayerMsg msg : batch) {
            PlayerNext next = PlayerUpdate.update(state, msg);
            state = next.state();
            next.effects().forEach(this::run);
        }
        if (state != drawn) {
            PlayerFrame.render(state, screen.newTextGraphics(), palette);
            screen.setCursorPosition(null);
            screen.refresh(drawn == null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
            drawn = state;
        }
    }

    private void run(PlayerEffect effect) {
        if (effect instanceof PlayerEffect.Wait w) {
            timer.after(w.delay(), () -> post(new PlayerMsg.Tick(w.tick())));
            return;
        }
        int step = ((PlayerEffect.Fork) effect).step();
        PlayerState at = state;
        io.execute(() -> {
            Path target = Fork.freePath(recording, step);
            try {
                Fork.toStep(at.replay(), step, target);
                post(new PlayerMsg.Forked(target));
            } catch (SessionException e) {
                post(new PlayerMsg.ForkFailed(e.getMessage()));
            }
        });
    }
}
