package dev.weft.tui;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.session.BackendUse;
import dev.weft.session.Disk;
import dev.weft.session.SessionException;
import dev.weft.session.SessionStore;
import dev.weft.session.SessionView;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.Focus;
import dev.weft.tui.update.SessionFocus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A session file opened through the session store; where the user is goes to the store's view
 * as {@link SessionFocus} writes it.
 */
public final class StoreSession implements LoomSession {
    static final String PATH_END = SessionFocus.PATH_END;

    private final SessionStore store;
    private SessionView recorded;

    private StoreSession(SessionStore store) {
        this.store = store;
        this.recorded = store.view();
    }

    /** Opens the file, or creates an empty session there. */
    public static StoreSession open(Path path) throws IOException {
        return open(path, Disk.REAL);
    }

    /** As {@link #open(Path)}, writing through {@code disk} (tests fail its writes). */
    public static StoreSession open(Path path, Disk disk) throws IOException {
        try {
            return new StoreSession(SessionStore.openOrCreate(path, java.time.Clock.systemUTC(), disk));
        } catch (SessionException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return store.file().getFileName().toString();
    }

    @Override
    public Path file() {
        return store.file();
    }

    @Override
    public void saveWhole(Loom loom, Focus focus, Map<String, String> settings) throws IOException {
        SessionView view = viewOf(loom, focus, settings);
        try {
            store.saveWhole(loom, view);
            recorded = view;
        } catch (SessionException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Loom loom() {
        return store.loom();
    }

    @Override
    public Focus focus() {
        return focusOf(store.loom(), store.view());
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> out = new HashMap<>(store.view().settings());
        out.remove(PATH_END);
        return out;
    }

    @Override
    public List<String> warnings() {
        return store.warnings();
    }

    @Override
    public void record(LoomAction action) throws IOException {
        try {
            store.record(action);
        } catch (SessionException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Journals the view only when it changed, so an idle session adds nothing to the journal. */
    @Override
    public void recordView(Focus focus, Map<String, String> settings) throws IOException {
        if (store.writeFailure() != null) {
            return; // the journal stopped; where the user is goes into the whole save (:w)
        }
        SessionView view = viewOf(store.loom(), focus, settings);
        if (view.equals(recorded)) {
            return;
        }
        try {
            store.recordView(view);
            recorded = view;
        } catch (SessionException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void recordBackend(Backend backend) throws IOException {
        try {
            store.recordBackend(new BackendUse(backend.name(), backend.kind(), backend.model()));
        } catch (SessionException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void recordAnalysis(AnalysisRecord record) throws IOException {
        try {
            store.recordAnalysis(record);
        } catch (SessionException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void save() throws IOException {
        try {
            store.save();
        } catch (SessionException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void saveShown(Loom loom, Focus focus, Map<String, String> settings) throws IOException {
        if (store.writeFailure() == null) {
            recordView(focus, settings);
            save();
            return;
        }
        saveWhole(loom, focus, settings);
    }

    /** Saves, copies the file to {@code target} (never over an existing file) and continues there. */
    @Override
    public LoomSession saveAs(Path target) throws IOException {
        if (Files.exists(target)) {
            throw new IOException(target + " exists; choose another name");
        }
        save();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.copy(store.file(), target);
        StoreSession next = open(target);
        close();
        return next;
    }

    @Override
    public void close() throws IOException {
        store.close();
    }

    /** The store's view as the read view's focus (see {@link SessionFocus}). */
    static Focus focusOf(Loom loom, SessionView view) {
        return SessionFocus.of(loom, view);
    }

    /** The read view's focus as the store's view. */
    static SessionView viewOf(Loom loom, Focus focus, Map<String, String> settings) {
        return SessionFocus.viewOf(loom, focus, settings);
    }
}
