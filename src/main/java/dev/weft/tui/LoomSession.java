package dev.weft.tui;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.Focus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One open session as the loom UI uses it: what it held when opened, and where every change
 * goes as it happens. The product wires the session store (journal beside the file, atomic
 * saves); tests keep it in memory. Called from one thread at a time.
 */
public interface LoomSession extends AutoCloseable {

    /** A short name for the status bar (the file name). */
    String name();

    /** The tree as opened (after replaying any journal). */
    Loom loom();

    /** Where the user was when the session was last saved. */
    Focus focus();

    /** The UI settings saved with the session (sampling, theme, hoist). */
    Map<String, String> settings();

    /** Journals a change before anything else happens, so a crash loses nothing. */
    void record(LoomAction action) throws IOException;

    /** Remembers the current node, cursor and settings (kept on the next save). */
    void recordView(Focus focus, Map<String, String> settings) throws IOException;

    /** Writes the session file atomically. */
    void save() throws IOException;

    /**
     * Saves what the screen shows: the view, and after a failed journal write the whole
     * {@code loom} too (it holds changes the journal does not), starting a fresh journal.
     */
    default void saveShown(Loom loom, Focus focus, Map<String, String> settings) throws IOException {
        recordView(focus, settings);
        save();
    }

    /** Saves to another file and returns the session that continues there (this one is closed). */
    LoomSession saveAs(Path target) throws IOException;

    /** The session file (it may not exist yet: see {@link NewSession}), or null when it is kept in memory. */
    default Path file() {
        return null;
    }

    /**
     * Writes {@code loom} whole with the view, starting a fresh journal: for changes the journal never took.
     * Sessions kept in memory only save.
     */
    default void saveWhole(Loom loom, Focus focus, Map<String, String> settings) throws IOException {
        recordView(focus, settings);
        save();
    }

    /** Problems found and worked around while opening (a journal line cut by a crash), one line each. */
    default List<String> warnings() {
        return List.of();
    }

    /** Notes that requests now go to this backend (for replay against it later). */
    default void recordBackend(Backend backend) throws IOException {}

    /** Keeps a {@code :dist} or {@code :sweep} run and its results in the session (journaled first). */
    void recordAnalysis(AnalysisRecord record) throws IOException;

    @Override
    default void close() throws IOException {}
}
