package dev.weft.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.weft.loom.Loom;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.render.Frame;
import dev.weft.tui.render.Scrolling;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Size;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.update.SessionSettings;
import dev.weft.tui.update.ShownView;
import dev.weft.tui.update.Update;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The UI thread. It alone owns the screen: each round it waits for messages (keys come as
 * messages from the {@link KeyReader}'s thread the moment they are typed), runs
 * {@link Update#update} for each, hands the effects to the runner, and redraws once (Lanterna
 * sends only the cells that changed, in one write) after the round's journal writes are on the
 * disk: a change is never on screen before it would survive a kill. Backend threads only post messages.
 * Without a key reader (tests on a virtual terminal) each round polls the screen for keys.
 */
public final class AppLoop {
    private static final long VIEW_SAVE_INTERVAL_MS = 2000;
    /** How long a round waits for a message when keys come from a reader: nothing is late for it. */
    private static final long IDLE_WAIT_MS = 250;

    private final Screen screen;
    private final EffectRunner effects;
    private final CommandLineSource commandLine;
    private TerminalPrograms programs = TerminalPrograms.of(System.getenv());
    private Clipboard clipboard = text -> {
        throw new IOException("this terminal has no clipboard weft can reach");
    };
    private final Clock clock;
    private final Keys keys;
    private final BlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
    private final Map<ColorDepth, Palette> palettes = new EnumMap<>(ColorDepth.class);
    private volatile UiState state;
    private UiState drawn;
    /** The focus and settings last handed to the session, and when. */
    private SavedView recordedView;
    private long viewSavedAt;

    private record SavedView(Focus focus, Map<String, String> settings) {}

    /**
     * While a big session is read behind the first screen: the tree shown meanwhile (its path
     * alone). Keys wait, and nothing is saved, until the whole session replaces it.
     */
    private volatile Loom opening;
    /** Why the session could not be opened behind the first screen: the loop ends, saving nothing. */
    private volatile String openFailure;
    /** Run once the first frame is on the screen, in order; null once it is. */
    private List<Runnable> afterFirstFrame = new ArrayList<>();

    /**
     * Where keys come from when a thread reads them: the reader, and how to ask the terminal
     * something it answers (to stop the reader before another program takes the terminal).
     */
    record Keys(KeyReader reader, KeyReader.IoAction askPosition) {}

    AppLoop(Screen screen, UiState initial, EffectRunner effects, CommandLineSource commandLine, Clock clock) {
        this(screen, initial, effects, commandLine, clock, null);
    }

    AppLoop(Screen screen, UiState initial, EffectRunner effects, CommandLineSource commandLine, Clock clock, Keys keys) {
        this.screen = screen;
        this.state = initial;
        this.effects = effects;
        this.commandLine = commandLine;
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * Keys start to arrive (those typed while weft was starting come first). Called by {@link #run}
     * after what the launcher posted (the opened session above all): a key typed before the
     * session was taken in would act on a loom that the session then replaces.
     */
    void connectKeys() {
        if (keys != null) {
            keys.reader().connect(this::keyRead);
        }
    }

    /**
     * Shows {@code path} (a session's path, read first) while the whole session is opened on
     * another thread, started by {@code readTheRest} once that first frame is on the screen (the
     * two would share the CPU); it then calls {@link #connectKeys} or {@link #openFailed}.
     * Before {@link #run}.
     */
    /** Runs {@code then} once the first frame is on the screen (at once if it already is). */
    void afterFirstFrame(Runnable then) {
        if (afterFirstFrame == null) {
            then.run();
        } else {
            afterFirstFrame.add(then);
        }
    }

    void showWhileOpening(Msg.SessionOpened path, String notice, Runnable readTheRest) {
        opening = path.loom();
        afterFirstFrame(readTheRest);
        post(path);
        post(new Msg.Notice(notice));
    }

    /** From the opening thread: the session could not be opened; the loop ends without saving. */
    void openFailed(String why) {
        openFailure = why;
        post(new Msg.Notice(why)); // wakes the loop
    }

    /** Why the session opened behind the first screen could not be, or null. */
    String openFailure() {
        return openFailure;
    }

    /** From the reader's thread: a key, or the end of the input (the terminal is gone: quit, saving). */
    private void keyRead(KeyStroke key) {
        post(key.getKeyType() == KeyType.EOF ? new Msg.CommandEntered("quit", clock.instant())
                : new Msg.Key(KeySpec.of(key), clock.instant()));
    }

    /** Thread-safe: how backend threads (and signal handlers) reach the UI. */
    public void post(Msg msg) {
        inbox.add(msg);
    }

    public UiState state() {
        return state;
    }

    /** True while messages wait to be handled (tests run rounds until there are none). */
    boolean hasPending() {
        return !inbox.isEmpty();
    }

    /** Runs until the user quits; the session is saved before this returns. */
    public void run() throws IOException, InterruptedException {
        if (opening == null) {
            connectKeys();
        }
        while (!state.quitting() && openFailure == null) {
            round(keys != null ? IDLE_WAIT_MS : 15);
        }
        if (opening == null && openFailure == null) {
            effects.saveAndWait(state, 10, TimeUnit.SECONDS);
        }
    }

    /** One round: up to {@code waitMillis} for something to happen, everything pending handled, one redraw. */
    public void round(long waitMillis) throws IOException, InterruptedException {
        List<Msg> batch = new ArrayList<>();
        TerminalSize resized = screen.doResizeIfNecessary();
        if (resized != null || drawn == null) {
            TerminalSize size = resized != null ? resized : screen.getTerminalSize();
            batch.add(new Msg.Resized(new Size(size.getColumns(), size.getRows())));
            drawn = null; // a terminal keeps odd leftovers after a resize: redraw every cell
        }
        Msg first = batch.isEmpty() ? inbox.poll(waitMillis, TimeUnit.MILLISECONDS) : null;
        if (first != null) {
            batch.add(first);
        }
        inbox.drainTo(batch);
        for (KeyStroke key = keys == null ? screen.pollInput() : null; key != null; key = screen.pollInput()) {
            if (key.getKeyType() == KeyType.EOF) {
                batch.add(new Msg.CommandEntered("quit", clock.instant()));
                break;
            }
            batch.add(new Msg.Key(KeySpec.of(key), clock.instant()));
        }
        for (Msg msg : Coalesce.tokens(batch)) {
            handle(msg);
        }
        recordViewNowAndThen();
        if (state != drawn) {
            effects.awaitJournal(); // nothing is shown before it is recorded
            draw();
        }
    }

    /**
     * Applies one message and runs its effects. The {@code :} line's data (history, names to
     * complete, file names) is answered at once, before the next key: keys typed right after
     * ':' belong to the line.
     */
    private void handle(Msg msg) {
        if (opening != null && msg instanceof Msg.SessionOpened o && o.loom() != opening) {
            opening = null; // the whole session: from here on the user's changes go to it
        }
        Next next = Update.update(state, msg);
        state = next.state();
        for (Effect e : next.effects()) {
            if (e instanceof Effect.ReadCommandLine) {
                handle(new Msg.CommandLineData(commandLine.history(), commandLine.themes(), commandLine.backends()));
            } else if (e instanceof Effect.ListFiles f) {
                handle(new Msg.FileNames(f.word(), commandLine.files(f.word())));
            } else if (e instanceof Effect.RememberCommand r) {
                commandLine.remember(r.line());
            } else if (e instanceof Effect.EditExternally x) {
                handle(stepAside(() -> programs.edit(x.target(), x.text())));
            } else if (e instanceof Effect.CopyToClipboard c) {
                try {
                    clipboard.copy(c.text());
                } catch (IOException x) {
                    handle(new Msg.Failure("copy failed: " + x.getMessage() + " · :yank FILE writes the text to a file"));
                }
            } else if (e instanceof Effect.Suspend) {
                handle(stepAside(() -> {
                    programs.suspend();
                    return new Msg.Resumed();
                }));
            } else {
                effects.run(e, state);
            }
        }
    }

    /** Something run while another program has the terminal. */
    interface Aside {
        Msg run() throws IOException;
    }

    /** Where the editor and suspending come from (tests script them). */
    void useClipboard(Clipboard c) {
        clipboard = c;
    }

    /** Where {@code y} copies to: the terminal's clipboard through OSC 52 (tests keep what was copied). */
    @FunctionalInterface
    interface Clipboard {
        void copy(String text) throws IOException;
    }

    void usePrograms(TerminalPrograms p) {
        programs = p;
    }

    /**
     * Gives the terminal to another program (the editor, the shell after C-z): the key reader
     * stops, the full screen stops, and both come back with a complete redraw afterwards.
     */
    private Msg stepAside(Aside aside) {
        boolean paused = false;
        try {
            paused = pauseKeys();
            screen.stopScreen();
            try {
                return aside.run();
            } finally {
                if (paused) {
                    keys.reader().resume(); // before the screen starts: it asks the terminal its size
                }
                screen.startScreen();
                drawn = null;
            }
        } catch (IOException e) {
            return new Msg.Failure("the terminal: " + e.getMessage());
        }
    }

    /** Stops the key reader (true) so that the next program on the terminal gets every key typed from now on. */
    private boolean pauseKeys() throws IOException {
        if (keys == null) {
            return false;
        }
        keys.reader().pause(keys.askPosition());
        return true;
    }

    private void draw() throws IOException {
        UiState s = state;
        Scrolling.hint(screen, drawn, s);
        Palette palette = palettes.computeIfAbsent(s.settings().depth(), Palette::new);
        Frame.render(s, screen.newTextGraphics(), palette);
        screen.setCursorPosition(null);
        screen.refresh(drawn == null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        drawn = s;
        if (afterFirstFrame != null) {
            List<Runnable> then = afterFirstFrame;
            afterFirstFrame = null;
            then.forEach(Runnable::run);
        }
    }

    /** The current node and cursor go to the session every few seconds when they change, not on every key. */
    private void recordViewNowAndThen() {
        if (opening != null) {
            return; // the path shown while opening is the file's own view
        }
        long now = clock.millis();
        SavedView view = new SavedView(state.focus(), SessionSettings.of(state));
        // a view or overlay opening or closing goes at once: the player shows each step as it was seen
        boolean opened = recordedView != null && !java.util.Objects.equals(
                ShownView.shape(view.settings().get(ShownView.KEY)), ShownView.shape(recordedView.settings().get(ShownView.KEY)));
        if (now - viewSavedAt < VIEW_SAVE_INTERVAL_MS && !opened) {
            return;
        }
        if (!view.equals(recordedView)) {
            effects.saveView(state);
            recordedView = view;
        }
        viewSavedAt = now;
    }

    /** After {@link #run}: why the final save failed (what the screen showed is not all on disk), or null. */
    public String notSavedAtExit() {
        return effects.lastSaveFailure();
    }

    /** For a hang-up: save what there is and wait (bounded) for the disk. */
    boolean saveNow() throws InterruptedException {
        if (opening != null || openFailure != null) {
            return true; // nothing the user did yet: keys wait for the opened session
        }
        return effects.saveAndWait(state, 5, TimeUnit.SECONDS);
    }
}
