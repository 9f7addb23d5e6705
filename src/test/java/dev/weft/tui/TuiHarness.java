package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.fail;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.weft.model.LanguageModel;
import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.Context;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.keys.Keymap;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Settings;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.ThemeLibrary;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The real app loop on Lanterna's virtual terminal: keys are pressed by action name (through
 * the keymap, as a user's keys would be), effects run on the test thread, command lines come
 * from a script. What the screen shows is read back as text and cells.
 */
final class TuiHarness {
    /** Sampling is seeded, so a screen is the same on every run. */
    static final long SEED = 7;
    /** Below 1, so the small test model (mostly backoff at T=1) writes readable text. */
    static final double TEMPERATURE = 0.6;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

    /** The virtual terminal, or null when the app writes to a {@link ByteTerminal}. */
    final DefaultVirtualTerminal terminal;
    final ByteTerminal bytes;
    final TerminalScreen screen;
    final LoomSession session;
    final AppLoop loop;
    /** The {@code :} line's history and names, in memory. */
    final ScriptedCommandLine commandLine = new ScriptedCommandLine();

    private TuiHarness(Terminal output, LanguageModel model, ColorDepth depth, LoomSession session, Executor models)
            throws IOException {
        this(output, model, depth, session, models, BackendCatalog.only(model.backend(), model));
    }

    private TuiHarness(Terminal output, LanguageModel model, ColorDepth depth, LoomSession session, Executor models,
                       BackendCatalog catalog) throws IOException {
        this(output, model, depth, session, models, catalog, TuiConfig.NONE);
    }

    /** With the config file's {@code tui} section {@code config} (its keys, say). */
    static TuiHarness withConfig(int cols, int rows, LanguageModel model, TuiConfig config) throws IOException {
        return new TuiHarness(new DefaultVirtualTerminal(new TerminalSize(cols, rows)), model, ColorDepth.TRUECOLOR,
                MemorySession.empty(), Runnable::run, BackendCatalog.only(model.backend(), model), config);
    }

    private TuiHarness(Terminal output, LanguageModel model, ColorDepth depth, LoomSession session, Executor models,
                       BackendCatalog catalog, TuiConfig config) throws IOException {
        this.terminal = output instanceof DefaultVirtualTerminal v ? v : null;
        this.bytes = output instanceof ByteTerminal b ? b : null;
        this.screen = new TerminalScreen(output);
        this.session = session;
        ThemeLibrary themes = new ThemeLibrary(null);
        Settings defaults = LoomApp.settings(config, depth.label(), Map.of(), themes, model, model.backend());
        Settings settings = defaults.withParams(defaults.params().withSeed(SEED).withTemperature(TEMPERATURE));
        UiState initial = LoomApp.initialState(settings, session.name());
        AppLoop[] holder = new AppLoop[1];
        EffectRunner effects = new EffectRunner(models, Runnable::run, m -> holder[0].post(m), session,
                path -> MemorySession.empty(), model, settings.backend(), catalog, themes);
        screen.startScreen();
        this.loop = new AppLoop(screen, initial, effects, commandLine, CLOCK);
        holder[0] = loop;
        loop.post(LoomApp.opened(session));
        settle();
    }

    static TuiHarness start(int cols, int rows, LanguageModel model) throws IOException {
        return start(cols, rows, model, ColorDepth.TRUECOLOR, MemorySession.empty(), Runnable::run);
    }

    static TuiHarness start(int cols, int rows, LanguageModel model, ColorDepth depth, LoomSession session,
                            Executor models) throws IOException {
        return new TuiHarness(new DefaultVirtualTerminal(new TerminalSize(cols, rows)), model, depth, session, models);
    }

    /** With the backends {@code catalog} offers (the model picker, :set backend); models and probes run on {@code models}. */
    static TuiHarness withBackends(int cols, int rows, LanguageModel model, BackendCatalog catalog, Executor models)
            throws IOException {
        return new TuiHarness(new DefaultVirtualTerminal(new TerminalSize(cols, rows)), model, ColorDepth.TRUECOLOR,
                MemorySession.empty(), models, catalog);
    }

    /** Keys arrive as the bytes a terminal sends, through the real decoding ({@link KeyboardTerminal}). */
    static TuiHarness onKeyboard(int cols, int rows, LanguageModel model) throws IOException {
        return new TuiHarness(new KeyboardTerminal(new TerminalSize(cols, rows)), model, ColorDepth.TRUECOLOR,
                MemorySession.empty(), Runnable::run);
    }

    /** One read's worth of bytes from the terminal (as one SSH packet), then the loop runs. */
    TuiHarness send(String bytes) {
        ((KeyboardTerminal) terminal).send(bytes);
        return settle();
    }

    /** The app writing real escape sequences into memory (keys are posted as the loop would read them). */
    static TuiHarness onBytes(int cols, int rows, LanguageModel model, ColorDepth depth) throws IOException {
        return new TuiHarness(ByteTerminal.of(cols, rows), model, depth, MemorySession.empty(), Runnable::run);
    }

    /** As {@link #onBytes(int, int, LanguageModel, ColorDepth)}, on a given session. */
    static TuiHarness onBytes(int cols, int rows, LanguageModel model, ColorDepth depth, LoomSession session)
            throws IOException {
        return new TuiHarness(ByteTerminal.of(cols, rows), model, depth, session, Runnable::run);
    }

    /** Presses the first key bound to {@code action} where the keys go now. */
    TuiHarness press(Action action) {
        UiState s = loop.state();
        Context context = s.overlay().context() != null ? s.overlay().context() : s.view().context();
        Keymap keymap = s.settings().keymap();
        KeySpec key = keymap.keyFor(context, action)
                .orElseThrow(() -> new AssertionError(action + " is not bound in " + context));
        return key(key.toStroke());
    }

    TuiHarness press(Action action, int times) {
        for (int i = 0; i < times; i++) {
            press(action);
        }
        return this;
    }

    /** Types text as keys (an editor or search prompt must be open); a newline presses Enter. */
    TuiHarness type(String text) {
        for (char c : text.toCharArray()) {
            key(c == '\n' ? new KeyStroke(KeyType.Enter) : new KeyStroke(c, false, false));
        }
        return this;
    }

    /** Types text as fast as a terminal delivers it: every key queued before the loop runs. */
    TuiHarness typeAtOnce(String text) {
        for (char c : text.toCharArray()) {
            terminal.addInput(c == '\n' ? new KeyStroke(KeyType.Enter)
                    : c == '\u001b' ? new KeyStroke(KeyType.Escape) : new KeyStroke(c, false, false));
        }
        return settle();
    }

    /** Runs a {@code :} command line: ':' then the line typed then Enter. */
    TuiHarness command(String line) {
        press(Action.COMMAND_LINE);
        for (char c : line.toCharArray()) {
            key(new KeyStroke(c, false, false));
        }
        return key(new KeyStroke(KeyType.Enter));
    }

    TuiHarness key(KeyStroke stroke) {
        if (terminal != null) {
            terminal.addInput(stroke);
        } else {
            loop.post(new Msg.Key(KeySpec.of(stroke), CLOCK.instant()));
        }
        settle();
        return this;
    }

    TuiHarness resize(int cols, int rows) {
        terminal.setTerminalSize(new TerminalSize(cols, rows));
        settle();
        return this;
    }

    /** Rounds of the loop until {@code done} holds (for effects running on other threads), at most 10 s. */
    TuiHarness awaitState(java.util.function.Predicate<UiState> done) {
        long end = System.nanoTime() + 10_000_000_000L;
        try {
            while (!done.test(loop.state())) {
                if (System.nanoTime() > end) {
                    fail("timed out; last state: " + loop.state().message());
                }
                loop.round(10);
            }
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        return this;
    }

    /** Rounds of the loop until nothing is pending. */
    TuiHarness settle() {
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
        fail("the app did not settle");
        return this;
    }

    UiState state() {
        return loop.state();
    }

    /** The screen as text, one line per row, without trailing blanks. */
    String screenText() {
        return ScreenText.of(terminal);
    }

    TextCharacter cell(int col, int row) {
        return terminal.getCharacter(col, row);
    }
}
