package dev.weft.tui;

import dev.weft.analysis.CandidateSet;
import dev.weft.analysis.CandidateScoring;
import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseExpansion;
import dev.weft.analysis.NextTokens;
import dev.weft.analysis.SweepRow;
import dev.weft.model.Completion;
import dev.weft.loom.TextIndex;
import dev.weft.model.DeferredModel;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.session.SessionException;
import dev.weft.session.SessionStore;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ThemeLibrary;
import dev.weft.tui.update.Searching;
import dev.weft.tui.update.SessionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs what update asks for, off the UI thread: model calls on the model executor (results come
 * back as messages), and every session write in order on one I/O thread, so the journal sees
 * actions in the order the user made them. Nothing here touches the screen.
 */
final class EffectRunner {
    private final Executor models;
    private final Executor io;
    private final Consumer<Msg> post;
    private final SessionOpener opener;
    private final BackendCatalog backends;
    private final ThemeLibrary themes;
    private final Map<Long, AtomicBoolean> cancelled = new ConcurrentHashMap<>();
    /** The tree's text for search, kept from one search to the next. */
    private final TextIndex searchIndex = new TextIndex();
    /** Touched only on the I/O thread. */
    private volatile LoomSession session;
    private volatile LanguageModel model;
    /** The last backend switch asked for: an earlier one that finishes later is not used. */
    private volatile long latestSwitch;
    /** The name of {@link #model} (written after it, read before it: a report never names the wrong model). */
    private volatile String modelName;
    /** The backend in use, noted in the session when it first generates. Touched only on the I/O thread. */
    private Backend backend;
    private boolean backendNoted;
    /** Why the last save failed, or null after one that succeeded: what quitting must report. */
    private volatile String lastSaveFailure;
    /** The last journal write handed to the I/O thread (done once it is on the disk or has failed). */
    private volatile CompletableFuture<Void> journaled = CompletableFuture.completedFuture(null);

    EffectRunner(Executor models, Executor io, Consumer<Msg> post, LoomSession session, SessionOpener opener,
                 LanguageModel model, Backend backend, BackendCatalog backends, ThemeLibrary themes) {
        this.models = models;
        this.io = io;
        this.post = post;
        this.session = session;
        this.opener = opener;
        this.model = model;
        this.modelName = backend.name();
        this.backend = backend;
        this.backends = backends;
        this.themes = themes;
    }

    List<String> themeNames() {
        return themes.names();
    }

    List<String> backendNames() {
        return backends.names();
    }

    /** Runs one effect; {@code state} is the state it came with (for saving where the user is). */
    void run(Effect effect, UiState state) {
        if (effect instanceof Effect.Journal j) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            journaled = done;
            try {
                io.execute(() -> {
                    try {
                        session.record(j.action());
                    } catch (IOException | RuntimeException e) {
                        post.accept(new Msg.NotRecorded(j.action(), e.getMessage()));
                    } finally {
                        done.complete(null);
                    }
                });
            } catch (RejectedExecutionException shutDown) {
                done.complete(null);
                post.accept(new Msg.NotRecorded(j.action(), "weft is closing"));
            }
        } else if (effect instanceof Effect.RecordAnalysis r) {
            write(() -> session.recordAnalysis(r.record()), "keeping the " + r.record().kind() + " in the session");
        } else if (effect instanceof Effect.Generate g) {
            write(() -> {
                if (!backendNoted) {
                    session.recordBackend(backend);
                    backendNoted = true;
                }
            }, "note backend");
            generate(g);
        } else if (effect instanceof Effect.Cancel c) {
            AtomicBoolean flag = cancelled.get(c.request());
            if (flag != null) {
                flag.set(true);
            }
        } else if (effect instanceof Effect.Score s) {
            score(s);
        } else if (effect instanceof Effect.Save) {
            saveShown(state);
        } else if (effect instanceof Effect.SaveAs s) {
            saveView(state);
            write(() -> {
                session = session.saveAs(path(s.path()));
                post.accept(new Msg.Notice("saved as " + session.name()));
            }, "save as");
        } else if (effect instanceof Effect.Open o) {
            saveView(state);
            write(() -> {
                session.save();
                LoomSession next = opener.open(path(o.path()));
                session.close();
                session = next;
                backendNoted = false;
                post.accept(new Msg.SessionOpened(next.name(), next.loom(), next.focus(), next.settings()));
                next.warnings().forEach(w -> post.accept(new Msg.Failure(w)));
            }, "open");
        } else if (effect instanceof Effect.Export e) {
            write(() -> {
                Path target = path(e.path());
                Files.writeString(target, e.text(), StandardCharsets.UTF_8);
                post.accept(new Msg.Notice("exported " + e.text().length() + " characters to " + target));
            }, "export");
        } else if (effect instanceof Effect.Yank y) {
            io.execute(() -> {
                try {
                    post.accept(new Msg.Notice(YankFile.write(y.path(), y.text(), y.overwrite(), System.getenv())));
                } catch (IOException | RuntimeException x) {
                    post.accept(new Msg.Failure("yank: " + x.getMessage()));
                }
            });
        } else if (effect instanceof Effect.LoadTheme t) {
            io.execute(() -> {
                try {
                    post.accept(new Msg.ThemeLoaded(themes.load(t.name())));
                } catch (IOException | IllegalArgumentException ex) {
                    post.accept(new Msg.Failure("theme: " + ex.getMessage()));
                }
            });
        } else if (effect instanceof Effect.SwitchBackend b) {
            switchBackend(b);
        } else if (effect instanceof Effect.ListSessions l) {
            SessionListing.list(l.request(), Path.of(l.folder()), java.time.Clock.systemUTC(), models, post);
        } else if (effect instanceof Effect.ListModels l) {
            ModelListing.list(l.request(), backends, models, post);
        } else if (effect instanceof Effect.AnswerOffer a) {
            answerOffer(a);
        } else if (effect instanceof Effect.ExpandMultiverse x) {
            expand(x);
        } else if (effect instanceof Effect.CompareContinue c) {
            compare(c);
        } else if (effect instanceof Effect.ReadCompareFile r) {
            io.execute(() -> {
                Path file = path(r.path());
                try (SessionStore store = SessionStore.openReadOnly(file)) {
                    post.accept(new Msg.CompareFileRead(r.request(), file.getFileName().toString(), store.session().loom(), null));
                } catch (SessionException | IOException | RuntimeException e) {
                    post.accept(new Msg.CompareFileRead(r.request(), file.toString(), null, e.getMessage()));
                }
            });
        } else if (effect instanceof Effect.ScoreCandidates c) {
            scoreCandidates(c);
        } else if (effect instanceof Effect.SampleSweepRow r) {
            sampleSweepRow(r);
        } else if (effect instanceof Effect.Search s) {
            models.execute(() -> post.accept(Searching.find(searchIndex, s)));
        }
    }

    /**
     * Waits until every journal write handed over so far is done: on the disk, or failed and its
     * {@link Msg.NotRecorded} posted. The loop draws a change only after this (weft-session(5),
     * "Durability": a change weft has shown survives a crash). The I/O thread runs in order, so
     * waiting for the last write waits for all of them.
     */
    void awaitJournal() throws InterruptedException {
        try {
            journaled.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a journal write never fails its future", e);
        }
    }

    /**
     * Opens the launcher's session on the I/O thread, as the first of its writes (a big session's
     * tree takes seconds to read, behind a first screen of its path): its tree goes to the loop,
     * then {@code then} runs; a session that cannot be opened goes to {@code failed} instead.
     */
    void openInBackground(Path file, Runnable then, Consumer<String> failed) {
        io.execute(() -> {
            try {
                session = opener.open(file);
                post.accept(new Msg.SessionOpened(session.name(), session.loom(), session.focus(), session.settings()));
                session.warnings().forEach(w -> post.accept(new Msg.Failure(w)));
                then.run();
            } catch (IOException | RuntimeException e) {
                failed.accept(e.getMessage());
            }
        });
    }

    /** Records where the user is, for the next save and for reopening. */
    void saveView(UiState state) {
        Focus focus = state.focus();
        Map<String, String> settings = SessionSettings.of(state);
        write(() -> session.recordView(focus, settings), "save view");
    }

    /** Saves and waits (bounded) until every queued write is done: on quit and on hang-up. */
    boolean saveAndWait(UiState state, long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        saveShown(state);
        io.execute(done::countDown);
        return done.await(timeout, unit);
    }

    /**
     * Saves what the state shows, on the I/O thread after every write queued before it: after a
     * failed journal write that is the whole tree on screen, not what the journal holds.
     */
    private void saveShown(UiState state) {
        Focus focus = state.focus();
        Map<String, String> settings = SessionSettings.of(state);
        io.execute(() -> {
            try {
                session.saveShown(state.loom(), focus, settings);
                lastSaveFailure = null;
                post.accept(new Msg.Saved(session.name()));
            } catch (IOException | RuntimeException e) {
                lastSaveFailure = e.getMessage();
                post.accept(new Msg.SaveFailed(e.getMessage()));
            }
        });
    }

    /** The file of the session in use (after {@link #closeSession}, the one the user ended on). */
    Path sessionFile() {
        return session.file();
    }

    /** Why the last save failed (the one on quit, after {@link #saveAndWait}), or null when it succeeded. */
    String lastSaveFailure() {
        return lastSaveFailure;
    }

    /** Closes the session in use (the one the last :open or :saveas moved to), after every queued write. */
    void closeSession(long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        io.execute(() -> {
            try {
                if (session != null) { // null: it never opened
                    session.close();
                }
            } catch (IOException e) {
                post.accept(new Msg.Failure("close failed: " + e.getMessage()));
            } finally {
                done.countDown();
            }
        });
        done.await(timeout, unit);
    }

    private void generate(Effect.Generate g) {
        AtomicBoolean stop = cancelled.computeIfAbsent(g.request(), id -> new AtomicBoolean());
        String name = modelName;
        LanguageModel m = model;
        models.execute(() -> {
            try {
                List<Completion> done = m.generate(g.prompt(), g.params(),
                        (choice, token) -> post.accept(new Msg.TokensArrived(g.request(), choice, List.of(token))),
                        stop::get);
                post.accept(new Msg.GenerationDone(g.request(), done));
            } catch (ModelException e) {
                post.accept(new Msg.GenerationFailed(g.request(), e.getMessage()));
            } catch (RuntimeException e) {
                post.accept(new Msg.GenerationFailed(g.request(), e.getClass().getSimpleName() + ": " + e.getMessage()));
            } finally {
                cancelled.remove(g.request());
                reportCache(name, m);
            }
        });
    }

    private void score(Effect.Score s) {
        LanguageModel m = model;
        offThread(s.request(), () -> new Msg.Scored(s.request(), s.node(),
                m.score(s.prompt(), s.text(), s.topLogprobs()).tokens()), Msg.ScoreFailed::new);
    }

    private void expand(Effect.ExpandMultiverse x) {
        LanguageModel m = model;
        offThread(x.request(), () -> new Msg.MultiverseExpanded(x.request(),
                MultiverseExpansion.expand(NextTokens.of(DeferredModel.loaded(m)), x.context(), x.settings()),
                java.time.Instant.now()), Msg.AnalysisFailed::new);
    }

    /** One side of the compare view; the other backend is opened here, off the UI thread, and left open like a switched-to one. */
    private void compare(Effect.CompareContinue c) {
        LanguageModel current = model;
        offThread(c.request(), () -> {
            LanguageModel m = c.profile() == null ? current : backends.open(c.profile());
            List<Completion> done = m.generate(c.prompt(), c.params());
            return new Msg.CompareArrived(c.request(), m.backend(), m.model(), done, java.time.Instant.now());
        }, (request, reason) -> new Msg.CompareFailed(request, reason, java.time.Instant.now()));
    }

    private void sampleSweepRow(Effect.SampleSweepRow r) {
        LanguageModel current = model;
        offThread(r.request(), () -> {
            LanguageModel m = r.profile() == null ? current : backends.open(r.profile());
            SweepRow row = SweepRow.of(r.params().temperature(), m.generate(r.context(), r.params()));
            return new Msg.SweepRowArrived(r.request(), answered(r.profile(), m), row, java.time.Instant.now());
        }, Msg.AnalysisFailed::new);
    }

    private void scoreCandidates(Effect.ScoreCandidates c) {
        LanguageModel current = model;
        offThread(c.request(), () -> {
            LanguageModel m = c.profile() == null ? current : backends.open(c.profile());
            List<String> candidates = c.file() == null ? c.candidates() : candidateFile(c.file());
            return new Msg.CandidatesScored(c.request(), answered(c.profile(), m),
                    CandidateScoring.score(m, c.context(), candidates, c.prefix()), java.time.Instant.now());
        }, Msg.AnalysisFailed::new);
    }

    /** Who answered an analysis: the profile asked for (null: the backend in use) and what the model says it is. */
    private static Backend answered(String profile, LanguageModel m) {
        return new Backend(profile, m.backend(), m.model(), m.capabilities(), m.defaultedWhenOff());
    }

    /** Work for a view, done on the model pool; its result is a message for the UI. */
    @FunctionalInterface
    private interface ViewWork {
        Msg run() throws ModelException, IOException;
    }

    /** Runs the work off the UI thread and posts its result, or one line saying why it failed. */
    private void offThread(long request, ViewWork work, BiFunction<Long, String, Msg> failure) {
        String name = modelName;
        LanguageModel m = model;
        models.execute(() -> {
            Msg result;
            try {
                result = work.run();
            } catch (ModelException | IOException e) {
                result = failure.apply(request, e.getMessage());
            } catch (RuntimeException e) {
                result = failure.apply(request, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            post.accept(result);
            reportCache(name, m);
        });
    }

    /** The status bar's cache figures, after each request to a model that keeps a key/value cache. */
    private void reportCache(String name, LanguageModel m) {
        try {
            dev.weft.model.KvCacheStats stats = m.cacheStats();
            if (stats != null) {
                post.accept(new Msg.CacheReported(name, stats));
            }
        } catch (RuntimeException e) {
            // figures for the status bar only: a model that cannot give them just shows none
        }
    }

    /** One candidate per line, blank lines skipped, as {@code weft dist --candidates @FILE} reads it. */
    private static List<String> candidateFile(String file) throws IOException {
        try {
            return CandidateSet.fromLines(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8), "@" + file);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Remembers the answer in the config (a failure is said; a yes switches for this run all the same). */
    private void answerOffer(Effect.AnswerOffer a) {
        io.execute(() -> {
            try {
                backends.rememberOffer(a.offer(), a.accepted());
            } catch (ModelException e) {
                post.accept(new Msg.Failure("not remembered: " + e.getMessage()));
            }
        });
    }

    /** Opens the backend off the UI thread; of several switches under way, only the last one asked for takes effect. */
    private void switchBackend(Effect.SwitchBackend b) {
        latestSwitch = b.request();
        models.execute(() -> {
            try {
                LanguageModel next = backends.open(b.name());
                Backend switched = new Backend(b.name(), next.backend(), next.model(), next.capabilities(),
                        next.defaultedWhenOff(), next.cacheStats());
                synchronized (this) {
                    if (latestSwitch != b.request()) {
                        return;
                    }
                    model = next;
                    modelName = b.name();
                }
                io.execute(() -> {
                    backend = switched;
                    backendNoted = false;
                });
                post.accept(new Msg.BackendSwitched(b.request(), switched));
            } catch (ModelException | RuntimeException e) {
                post.accept(new Msg.BackendNotSwitched(b.request(), b.name(), e.getMessage()));
            }
        });
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Write w, String what) {
        io.execute(() -> {
            try {
                w.run();
            } catch (IOException | RuntimeException e) {
                post.accept(new Msg.Failure(what + " failed: " + e.getMessage()));
            }
        });
    }

    private static Path path(String text) {
        return path(text, System.getenv());
    }

    /** A file name typed on the command line: {@code ~} and {@code ~/…} are under {@code $HOME}, as a shell has them. */
    static Path path(String text, Map<String, String> env) {
        Path home = LoomApp.home(env);
        Path p = text.equals("~") ? home : text.startsWith("~/") ? home.resolve(text.substring(2)) : Path.of(text);
        return p.toAbsolutePath().normalize();
    }
}
