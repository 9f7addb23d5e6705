package dev.weft.tui;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.Focus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A session whose file does not exist yet: nothing is written until the first change, so starting
 * weft and leaving leaves no empty session file or journal behind. The first change creates the file
 * (and its folder) and every later call goes to it.
 */
public final class NewSession implements LoomSession {
    private final Path path;
    private final Opener opener;
    private LoomSession created;
    /** Why creating the file failed: from then on only a whole save (:w) may create it. */
    private String failure;
    private Focus focus = Focus.NONE;
    private Map<String, String> settings = Map.of();
    private final List<Backend> backends = new ArrayList<>();

    /** How the file is created once there is something to keep. */
    @FunctionalInterface
    public interface Opener {
        LoomSession open(Path path) throws IOException;
    }

    NewSession(Path path, Opener opener) {
        this.path = path;
        this.opener = opener;
    }

    /**
     * The session at {@code path}: opened when its file (or a journal left by a crash) is there, else a new
     * one created on its first change.
     */
    public static LoomSession at(Path path) throws IOException {
        if (Files.exists(path) || Files.exists(path.resolveSibling(path.getFileName() + ".journal"))) {
            return StoreSession.open(path);
        }
        return new NewSession(path, StoreSession::open);
    }

    /** Whether the file exists by now. */
    public boolean isCreated() {
        return created != null;
    }

    private LoomSession create() throws IOException {
        if (created == null) {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            created = opener.open(path);
            for (Backend b : backends) {
                created.recordBackend(b);
            }
            backends.clear();
        }
        return created;
    }

    @Override
    public String name() {
        return path.getFileName().toString();
    }

    @Override
    public Path file() {
        return path;
    }

    @Override
    public Loom loom() {
        return created != null ? created.loom() : Loom.empty();
    }

    @Override
    public Focus focus() {
        return created != null ? created.focus() : Focus.NONE;
    }

    @Override
    public Map<String, String> settings() {
        return created != null ? created.settings() : Map.of();
    }

    @Override
    public void record(LoomAction action) throws IOException {
        firstChange().record(action);
    }

    /** A kept {@code :dist} or {@code :sweep} run is a change like any other: it creates the file. */
    @Override
    public void recordAnalysis(AnalysisRecord record) throws IOException {
        firstChange().recordAnalysis(record);
    }

    /** The created session a change goes to, creating it on the first one. */
    private LoomSession firstChange() throws IOException {
        if (created == null && failure != null) {
            // the journal would miss what came before: only :w, which saves the whole tree, may start it now
            throw new IOException("not recorded: " + path + " could not be created (" + failure + "); :w saves all");
        }
        try {
            return create();
        } catch (IOException e) {
            failure = e.getMessage();
            throw e;
        }
    }

    @Override
    public void recordView(Focus f, Map<String, String> s) throws IOException {
        if (created != null) {
            created.recordView(f, s);
        } else {
            focus = f;
            settings = Map.copyOf(s);
        }
    }

    @Override
    public void recordBackend(Backend backend) throws IOException {
        if (created != null) {
            created.recordBackend(backend);
        } else {
            backends.add(backend);
        }
    }

    /** Nothing changed, nothing to write. */
    @Override
    public void save() throws IOException {
        if (created != null) {
            created.save();
        }
    }

    @Override
    public void saveShown(Loom loom, Focus f, Map<String, String> s) throws IOException {
        if (created != null) {
            created.saveShown(loom, f, s);
        } else if (loom.size() > 0) {
            // changes the journal never took (creating the file failed): the whole tree, in a file made for it
            create().saveWhole(loom, f, s);
            failure = null;
        } else {
            recordView(f, s);
        }
    }

    @Override
    public void saveWhole(Loom loom, Focus f, Map<String, String> s) throws IOException {
        create().saveWhole(loom, f, s);
    }

    /** {@code :w FILE} before any change: the empty session is written there, as asked. */
    @Override
    public LoomSession saveAs(Path target) throws IOException {
        if (created != null) {
            return created.saveAs(target);
        }
        if (Files.exists(target)) {
            throw new IOException(target + " exists; choose another name");
        }
        NewSession next = new NewSession(target, opener);
        LoomSession made = next.create();
        made.recordView(focus, settings);
        made.save();
        return made;
    }

    @Override
    public void close() throws IOException {
        if (created != null) {
            created.close();
        }
    }
}
