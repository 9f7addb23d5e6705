package dev.weft.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.weft.config.BackendSpec;
import dev.weft.config.ConfigException;
import dev.weft.config.ConfigFile;
import dev.weft.loom.Loom;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Capabilities;
import dev.weft.model.DeferredModel;
import dev.weft.model.KvCacheStats;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.gguf.GgufModel;
import dev.weft.model.http.Notices;
import dev.weft.session.Session;
import dev.weft.session.SessionException;
import dev.weft.session.SessionFile;
import dev.weft.tui.keys.Keymap;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Settings;
import dev.weft.tui.state.Size;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.Theme;
import dev.weft.tui.input.EscapeWait;
import dev.weft.tui.theme.ThemeLibrary;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The full-screen loom: {@code weft} with no arguments, {@code weft FILE}, {@code weft open FILE}.
 * Everything the user does is journaled through the session as it happens; quitting, a closed
 * terminal or a dropped SSH connection (SIGHUP, SIGTERM: the JVM runs its shutdown hooks) save
 * before weft exits.
 */
public final class LoomApp {
    private LoomApp() {}

    /**
     * How the launcher starts the loom.
     *
     * @param session  the session file; null = a new one (see {@link #newSessionPath})
     * @param config   the config file (its profiles and its tui section; a missing file is fine)
     * @param embedded opens the embedded model, when it is the backend in use
     * @param colors   none, 16, 256 or truecolor; null = from the config or the environment
     * @param command  a {@code :} command line run once the session is open (weft compare --tui), or null
     */
    public record Launch(Path session, Path config, ModelSource embedded, String colors, String command,
                         String backend, BackendSpec.Remote flags) {
        public Launch(Path session, Path config, ModelSource embedded, String colors) {
            this(session, config, embedded, colors, null);
        }

        public Launch(Path session, Path config, ModelSource embedded, String colors, String command) {
            this(session, config, embedded, colors, command, null, null);
        }

        /**
         * Starting on {@code backend} (a profile; {@value ConfiguredBackends#FLAGS_NAME} for the server {@code flags}
         * describes) instead of the config's default.
         */
        public Launch withBackend(String name, BackendSpec.Remote server) {
            return new Launch(session, config, embedded, colors, command, name, server);
        }
    }

    /**
     * Runs the loom until the user quits.
     *
     * @return the exit code: 0; 1 when the terminal, the session or the backend failed (or the
     *         last save before quitting did); 2 for a
     *         bad config or colour depth
     */
    public static int run(Launch launch, Map<String, String> env, PrintWriter err) {
        if (System.console() == null) {
            err.println("weft: the loom needs a terminal (stdin and stdout must be a tty); see 'weft --help' for headless commands");
            return 1;
        }
        // notices go to stderr until the full screen starts, then (kept meanwhile) to its message line
        // one line before anything slow (the config, the model, the session), so the terminal is never blank and silent
        err.println("weft: loading " + (launch.session() == null ? "a new session" : launch.session().getFileName()) + "…");
        err.flush();
        NoticeRoute noticeLine = new NoticeRoute(line -> err.println("weft: " + line));
        Notices notices = noticeLine::accept;
        Prepared prepared;
        try {
            prepared = prepare(launch, env, notices);
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("weft: " + e.getMessage());
            return 2;
        } catch (IOException | ModelException e) {
            err.println("weft: " + e.getMessage());
            return 1;
        }
        ExecutorService models = Executors.newCachedThreadPool(daemon("weft-model"));
        ExecutorService io = Executors.newSingleThreadExecutor(daemon("weft-io"));
        try {
            KeyReader keys = new KeyReader(new EscapeWait(new FileInputStream(FileDescriptor.in)));
            WeftTerminal terminal = new WeftTerminal(keys);
            // after the terminal is raw (a read begun in line mode waits for a whole line), and before the
            // screen starts: the reader brings in the answer to the screen's size query
            keys.start();
            TerminalScreen screen = new TerminalScreen(terminal);
            AppLoop[] loop = new AppLoop[1];
            EffectRunner effects = new EffectRunner(models, io, m -> loop[0].post(m), prepared.session,
                    NewSession::at, prepared.model, prepared.backend, prepared.catalog, prepared.themes);
            CommandLineSource commandLine = new CommandHistory(CommandHistory.historyPath(env), Clock.systemDefaultZone(),
                    effects::themeNames, effects::backendNames, new FileNames(Path.of("").toAbsolutePath(), home(env)));
            noticeLine.hold();
            screen.startScreen();
            TerminalSize size = screen.getTerminalSize();
            loop[0] = new AppLoop(screen, prepared.state.withSize(new Size(size.getColumns(), size.getRows())),
                    effects, commandLine, Clock.systemDefaultZone(), new AppLoop.Keys(keys, terminal::askCursorPosition));
            loop[0].usePrograms(TerminalPrograms.of(env, terminal));
            loop[0].useClipboard(text -> terminal.writeControl(Osc52.sequence(text)));
            AppLoop started = loop[0];
            started.afterFirstFrame(prepared.background::open);
            // a resize wakes the loop (it waits for messages, not a timer)
            terminal.addResizeListener((t, s) -> started.post(new Msg.Resized(new Size(s.getColumns(), s.getRows()))));
            Runnable command = () -> {
                if (launch.command() != null) {
                    started.post(new Msg.CommandEntered(launch.command(), Clock.systemDefaultZone().instant()));
                }
            };
            if (prepared.session != null) {
                loop[0].post(opened(prepared.session));
                prepared.session.warnings().forEach(w -> loop[0].post(new Msg.Failure(w)));
                command.run();
                if (launch.session() == null && hasSessions(Path.of(SESSIONS))) {
                    loop[0].post(new Msg.OfferSessions(SESSIONS + "/"));
                }
            } else {
                Path file = prepared.pathFirst.file();
                loop[0].showWhileOpening(prepared.pathFirst.opened(),
                        "opening " + file.getFileName() + " (" + megabytes(file) + "): where you were; keys wait for the rest",
                        () -> effects.openInBackground(file, () -> {
                            prepared.sessionRead.run(); // before the keys: a collection now delays none of them
                            command.run(); // after the whole session, like the keys
                            started.connectKeys();
                        }, why -> {
                            prepared.sessionRead.run();
                            started.openFailed(why);
                        }));
            }
            if (prepared.model instanceof DeferredModel d && !d.isDone()) {
                noticeLine.accept("loading model " + d.model() + "…");
            }
            noticeLine.to(line -> started.post(new Msg.Notice(line)));
            prepared.loaded.complete(started::post);
            prepared.catalog.offer().thenAccept(offer -> offer.ifPresent(o -> started.post(new Msg.ModelOffered(o))));
            Thread hangUp = new Thread(() -> saveOnExit(loop[0]), "weft-save-on-exit");
            Runtime.getRuntime().addShutdownHook(hangUp);
            try {
                loop[0].run();
            } finally {
                screen.stopScreen();
                forget(hangUp);
                effects.closeSession(5, TimeUnit.SECONDS);
            }
            if (loop[0].openFailure() != null) {
                err.println("weft: " + loop[0].openFailure());
                return 1;
            }
            String notSaved = loop[0].notSavedAtExit();
            if (notSaved != null) {
                err.println("weft: not saved: " + notSaved);
                return 1;
            }
            err.println(savedLine(effects.sessionFile(), loop[0].state().loom().size(), Path.of("").toAbsolutePath()));
            return 0;
        } catch (IOException e) {
            err.println("weft: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            models.shutdownNow();
            io.shutdown();
        }
    }

    /**
     * What quitting says after the full screen is gone: {@code saved sessions/x.json (12 nodes)}, a path
     * under the working directory relative to it; or that a session nobody changed was never written.
     */
    static String savedLine(Path file, int nodes, Path workingDir) {
        if (file == null || !Files.exists(file)) {
            return "nothing saved: the session was not changed, so no file was written";
        }
        Path shown = file.toAbsolutePath().normalize();
        if (shown.startsWith(workingDir)) {
            shown = workingDir.relativize(shown);
        }
        return "saved " + shown + " (" + nodes + (nodes == 1 ? " node)" : " nodes)");
    }

    /** Where new sessions go, under the working directory; a plain {@code weft} offers the ones there. */
    static final String SESSIONS = "sessions";

    /** Whether {@code folder} holds a session file to offer. */
    static boolean hasSessions(Path folder) {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".json"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** A new session's file when none is given: {@code sessions/loom-YYYYMMDD-HHMMSS.json} under the working directory. */
    public static Path newSessionPath(Path workingDir, Clock clock) {
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return workingDir.resolve(SESSIONS).resolve("loom-" + stamp + ".json");
    }

    /** The first state, before the session's contents arrive as a message. */
    static UiState initialState(Settings settings, String sessionName) {
        return UiState.initial(Loom.empty(), Focus.NONE, settings, new Size(80, 24), sessionName);
    }

    static Msg.SessionOpened opened(LoomSession session) {
        return new Msg.SessionOpened(session.name(), session.loom(), session.focus(), session.settings());
    }

    /**
     * The look and keys from the environment and config: colour depth from the flag, else the
     * config, else {@code NO_COLOR}/{@code COLORTERM}/{@code TERM}; without colour, the
     * monochrome theme (nothing else can show probability there).
     */
    static Settings settings(TuiConfig config, String colorsFlag, Map<String, String> env, ThemeLibrary themes,
                             LanguageModel model, String backendName) throws IOException {
        Backend backend = new Backend(backendName, model.backend(), model.model(), model.capabilities(),
                model.defaultedWhenOff(), model.cacheStats());
        return settings(config, colorsFlag, env, themes, backend);
    }

    /** As above, for a backend known by name only (the replay player shows the recorded one). */
    static Settings settings(TuiConfig config, String colorsFlag, Map<String, String> env, ThemeLibrary themes,
                             Backend backend) throws IOException {
        String colors = colorsFlag != null ? colorsFlag : config.colors();
        ColorDepth depth = colors != null ? ColorDepth.parse(colors) : ColorDepth.detect(env);
        String themeName = depth == ColorDepth.NONE ? "monochrome"
                : config.theme() != null ? config.theme() : ThemeLibrary.defaultFor(depth);
        Theme theme = themes.load(themeName);
        Keymap keymap = Keymap.preset(config.preset()).withOverrides(config.keys());
        return new Settings(SamplingParams.DEFAULTS, theme, depth, keymap, backend);
    }

    /**
     * @param session   the opened session; null while a big one opens behind its first screen
     * @param pathFirst that session's file and the path shown meanwhile, or null
     */
    /**
     * @param loaded     where a model file loading behind the loom reports its cache when ready (the loop, once it runs)
     * @param background the model's loading and the search for model files, started once the first frame is drawn
     * @param sessionRead run once the rest of a big session is read behind the first frame (or could not be): the
     *                    heap is settled after it and the model's load, before keys come
     */
    private record Prepared(LoomSession session, PathFirst pathFirst, UiState state, ThemeLibrary themes,
                            ConfiguredBackends catalog, LanguageModel model, Backend backend,
                            CompletableFuture<Consumer<Msg>> loaded, AfterFirstFrame background, Runnable sessionRead) {}

    /** A big session's file and the first screen's tree: the path the user was on, read first. */
    record PathFirst(Path file, Msg.SessionOpened opened) {}

    /**
     * Files from this size on open behind a first screen of their view's path (a file of 80 MB,
     * 100,000 nodes, takes seconds to read; one of a few hundred KB, a few tens of milliseconds).
     */
    private static final long PATH_FIRST_BYTES = 2L << 20;

    /** The path the file was left on, when it is big and starts with it (weft-session(5)); else null. */
    private static PathFirst pathFirst(Path path) throws IOException {
        return pathFirst(path, PATH_FIRST_BYTES);
    }

    /** As above, for files from {@code minBytes} on. */
    static PathFirst pathFirst(Path path, long minBytes) throws IOException {
        if (!Files.isRegularFile(path) || Files.size(path) < minBytes) {
            return null;
        }
        Session first;
        try {
            first = SessionFile.readViewPath(path);
        } catch (SessionException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (first == null) {
            return null;
        }
        Map<String, String> settings = new java.util.HashMap<>(first.view().settings());
        settings.remove(StoreSession.PATH_END);
        return new PathFirst(path, new Msg.SessionOpened(path.getFileName().toString(), first.loom(),
                StoreSession.focusOf(first.loom(), first.view()), settings));
    }

    private static String megabytes(Path file) {
        try {
            return Files.size(file) / 1_000_000 + " MB";
        } catch (IOException e) {
            return "?";
        }
    }

    private static Prepared prepare(Launch launch, Map<String, String> env, Notices notices)
            throws IOException, ConfigException, ModelException {
        Path configFile = launch.config();
        TuiConfig config = TuiConfig.load(configFile);
        AfterFirstFrame background = new AfterFirstFrame("weft-start");
        ConfiguredBackends catalog = new ConfiguredBackends(ConfigFile.load(configFile), configFile, env,
                launch.embedded(), notices, launch.backend(), launch.flags(), background);
        String backendName = catalog.initial();
        ModelSource.Preview preview = launch.embedded().preview();
        Path modelFile = catalog.modelFileOf(backendName);
        CompletableFuture<Consumer<Msg>> loaded = new CompletableFuture<>();
        HeapSettler settler = new HeapSettler();
        boolean deferredEmbedded = backendName.equals(ConfiguredBackends.EMBEDDED) && preview != null;
        Runnable modelLoaded = deferredEmbedded ? settler.expect() : () -> { };
        LanguageModel model = deferredEmbedded
                // the loom comes up at once; generating waits for the model, everything else works meanwhile
                ? DeferredModel.start(preview.backend(), preview.model(), preview.capabilities(),
                        () -> catalog.open(ConfiguredBackends.EMBEDDED),
                        why -> {
                            modelLoaded.run();
                            notices.notice("the embedded model did not load: " + why);
                        },
                        () -> {
                            modelLoaded.run();
                            notices.notice("model " + preview.model() + " ready");
                        }, background)
                : modelFile != null ? modelFile(catalog, backendName, modelFile, notices, loaded, background)
                : openSaying(catalog, backendName, notices);
        ThemeLibrary themes = ThemeLibrary.standard(env);
        Settings settings = settings(config, launch.colors(), env, themes, model, backendName);
        Path path = launch.session() != null ? launch.session()
                : newSessionPath(Path.of("").toAbsolutePath(), Clock.systemDefaultZone());
        if (Files.isRegularFile(path) && Files.size(path) > SLOW_SESSION_BYTES) {
            notices.notice("opening " + path.getFileName() + " (" + dev.weft.model.choice.ModelChoices.bytes(Files.size(path)) + ")…");
        }
        PathFirst first = pathFirst(path);
        LoomSession session = first == null ? NewSession.at(path) : null;
        String name = session != null ? session.name() : path.getFileName().toString();
        Runnable sessionRead = first != null ? settler.expect() : () -> { };
        return new Prepared(session, first, initialState(settings, name), themes, catalog, model, settings.backend(),
                loaded, background, sessionRead);
    }

    /** Before a model file is open its capabilities are not known; once loaded, its own apply to every request. */
    private static final Capabilities MODEL_FILE = new Capabilities(1 << 20, true, true, true, true, true);

    /**
     * A model file loads behind the loom (a large one takes seconds): generating waits for it,
     * everything else works meanwhile; once loaded, the status bar gets its cache figures.
     */
    private static LanguageModel modelFile(ConfiguredBackends catalog, String name, Path file, Notices notices,
                                           CompletableFuture<Consumer<Msg>> loaded, AfterFirstFrame background) {
        DeferredModel[] deferred = new DeferredModel[1];
        deferred[0] = DeferredModel.start(GgufModel.BACKEND, file.getFileName().toString(), MODEL_FILE,
                () -> catalog.open(name), why -> notices.notice("model " + name + " did not load: " + why),
                () -> loaded.thenAccept(post -> {
                    notices.notice("model " + name + " ready");
                    KvCacheStats stats = deferred[0].cacheStats();
                    if (stats != null) {
                        post.accept(new Msg.CacheReported(name, stats));
                    }
                }), background);
        return deferred[0];
    }

    /** A session file this big takes long enough to read that the terminal should say so first. */
    private static final long SLOW_SESSION_BYTES = 4L << 20;

    /** Opens the first backend before the screen starts, saying so first (a model file or a server can take a while). */
    private static LanguageModel openSaying(ConfiguredBackends catalog, String name, Notices notices) throws ModelException {
        notices.notice("loading " + name + "…");
        return catalog.open(name);
    }

    /** Where notices go: first stderr, then (held while the screen starts) the loop's message line. */
    private static final class NoticeRoute implements Consumer<String> {
        private Consumer<String> target;
        private List<String> held;

        NoticeRoute(Consumer<String> first) {
            target = first;
        }

        @Override
        public synchronized void accept(String line) {
            if (held != null) {
                held.add(line);
            } else {
                target.accept(line);
            }
        }

        synchronized void hold() {
            held = new ArrayList<>();
        }

        synchronized void to(Consumer<String> next) {
            target = next;
            List<String> lines = held == null ? List.of() : held;
            held = null;
            lines.forEach(next);
        }
    }

    /** {@code $HOME}, as the README says weft uses; Java's user.home only when it is unset. */
    static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    /** Removes the hang-up hook after a normal exit (it has nothing left to save); during a shutdown it stays. */
    private static void forget(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already running the hook: it saves
        }
    }

    private static void saveOnExit(AppLoop loop) {
        try {
            loop.saveNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
