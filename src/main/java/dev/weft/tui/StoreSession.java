package dev.weft.tui;

import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.session.BackendUse;
import dev.weft.session.SessionException;
import dev.weft.session.SessionStore;
import dev.weft.session.SessionView;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.Focus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A session file opened through the session store. The store keeps the cursor as a token of
 * the node it is in; the read view also needs the node its path ends at, which may lie below
 * (the cursor can sit in an ancestor), so that node goes in the view's settings as
 * {@value #PATH_END}.
 */
public final class StoreSession implements LoomSession {
    static final String PATH_END = "path-end";

    private final SessionStore store;
    private SessionView recorded;

    private StoreSession(SessionStore store) {
        this.store = store;
        this.recorded = store.view();
    }

    /** Opens the file, or creates an empty session there. */
    public static StoreSession open(Path path) throws IOException {
        try {
            return new StoreSession(SessionStore.openOrCreate(path));
        } catch (SessionException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return store.file().getFileName().toString();
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
    public void save() throws IOException {
        try {
            store.save();
        } catch (SessionException e) {
            throw new IOException(e.getMessage(), e);
        }
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

    /** The store's view (node under the cursor, token in it) as the read view's focus. */
    static Focus focusOf(Loom loom, SessionView view) {
        NodeId at = view.current();
        if (at == null || !loom.contains(at)) {
            return Focus.NONE;
        }
        NodeId end = pathEnd(loom, view.settings().get(PATH_END), at);
        ReadPath path = ReadPath.of(loom, end);
        int k = path.indexOf(at);
        return new Focus(end, path.start(k) + view.cursor());
    }

    /** The read view's focus as the store's view. */
    static SessionView viewOf(Loom loom, Focus focus, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        if (focus.current() == null || !loom.contains(focus.current())) {
            return new SessionView(null, 0, all);
        }
        ReadPath path = ReadPath.of(loom, focus.current());
        if (path.size() == 0) {
            return new SessionView(focus.current(), 0, all);
        }
        int cursor = path.clamp(focus.cursor());
        int k = path.nodeAt(cursor);
        all.put(PATH_END, Integer.toString(focus.current().value()));
        return new SessionView(path.node(k).id(), cursor - path.start(k), all);
    }

    /** The saved path end when it is still a descendant of the cursor's node, else that node. */
    private static NodeId pathEnd(Loom loom, String saved, NodeId at) {
        try {
            NodeId end = saved == null ? at : new NodeId(Integer.parseInt(saved));
            return loom.contains(end) && ReadPath.of(loom, end).indexOf(at) >= 0 ? end : at;
        } catch (IllegalArgumentException e) {
            return at;
        }
    }
}
