package dev.weft.session;

import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * An open session: the object the CLI and the TUI explore through. Every change is appended to
 * the journal before it takes effect; {@link #save} rewrites the file atomically; opening
 * replays the journal entries the file does not have yet, so a crash loses nothing that was
 * recorded. The session file and its journal are never overwritten with something unreadable,
 * and a file someone else changed since we read it is not overwritten unless forced.
 *
 * <p>Thread-safe: recording, reading and saving may come from different threads. A save writes
 * a snapshot (the loom is an immutable value), so recording goes on while a large tree saves.
 */
public final class SessionStore implements Closeable {
    private final Path file;
    private final SessionJournal journal; // null when read-only
    private final List<String> warnings;
    private final Clock clock;
    private final Object saveLock = new Object();

    private Session session;
    private long savedSeq;
    /** The last journal entry that changed what the file holds beyond the view (an action, a backend). */
    private long contentSeq;
    private FileStamp stamp; // guarded by saveLock
    private boolean closed;

    private SessionStore(Path file, SessionJournal journal, Session session, long savedSeq, FileStamp stamp,
                         List<String> warnings, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.journal = journal;
        this.session = session;
        this.savedSeq = savedSeq;
        this.contentSeq = session.journalSeq(); // what was replayed on opening counts: the file lacks it
        this.stamp = stamp;
        this.warnings = List.copyOf(warnings);
    }

    /** Opens an existing session for exploring, replaying its journal. */
    public static SessionStore open(Path file) throws SessionException {
        return open(file, Clock.systemUTC());
    }

    /** Opens with {@code clock} timing journal entries and saves: scripts that build sessions bring their own. */
    public static SessionStore open(Path file, Clock clock) throws SessionException {
        if (!Files.exists(file)) {
            throw new SessionException(file + ": no such session file");
        }
        Path journalFile = SessionFormat.journalOf(file);
        boolean journalExisted = Files.exists(journalFile);
        SessionJournal.Opened opened = SessionJournal.open(journalFile);
        try {
            return load(file, opened.journal(), opened.contents(), clock);
        } catch (SessionException | RuntimeException e) {
            closeQuietly(opened.journal());
            if (!journalExisted) {
                deleteQuietly(journalFile); // a session that did not open leaves nothing behind
            }
            throw e;
        }
    }

    /** Opens the session, or starts a new empty one (written at once) when the file does not exist. */
    public static SessionStore openOrCreate(Path file) throws SessionException {
        return openOrCreate(file, Clock.systemUTC());
    }

    /** As {@link #openOrCreate(Path)}, with {@code clock} timing the session, its journal entries and saves. */
    public static SessionStore openOrCreate(Path file, Clock clock) throws SessionException {
        if (!Files.exists(file)) {
            create(file, clock);
        }
        return open(file, clock);
    }

    /** Reads the session and its journal without writing anything: for commands that only look. */
    public static SessionStore openReadOnly(Path file) throws SessionException {
        if (!Files.exists(file)) {
            throw new SessionException(file + ": no such session file");
        }
        return load(file, null, SessionJournal.read(SessionFormat.journalOf(file)), Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    public synchronized Loom loom() {
        return session.loom();
    }

    public synchronized SessionView view() {
        return session.view();
    }

    /** The whole current state, as one consistent value. */
    public synchronized Session session() {
        return session;
    }

    /** Problems found and worked around while opening (a journal line cut by a crash), one line each. */
    public List<String> warnings() {
        return warnings;
    }

    /** True when the journal holds entries the file does not. */
    public synchronized boolean hasUnsavedChanges() {
        return session.journalSeq() > savedSeq;
    }

    /**
     * Journals the action, then applies it.
     *
     * @throws IllegalArgumentException  when the action does not apply to the loom (as the loom's
     *                                   operations throw; a bad alternative index is an
     *                                   IndexOutOfBoundsException); nothing is journaled
     * @throws SessionException          when the journal cannot be written; the loom is unchanged
     */
    public synchronized Loom.Result record(LoomAction action) throws SessionException {
        requireWritable();
        // compute first: an action that cannot apply must never reach the journal, or replay would
        // stop there. The loom is a value, so nothing changes until the entry is on disk.
        Loom.Result result = action.apply(session.loom());
        long seq = session.journalSeq() + 1;
        journal.append(new JournalEntry.Action(seq, clock.instant(), action));
        session = session.withLoom(result.loom(), seq);
        contentSeq = seq;
        return result;
    }

    /** Journals a move of the cursor or a change of a UI setting, then applies it. */
    public synchronized void recordView(SessionView view) throws SessionException {
        requireWritable();
        append(new JournalEntry.ViewChange(session.journalSeq() + 1, clock.instant(), view));
    }

    /** Journals that requests now go to this backend, and lists it in the file's backends. */
    public synchronized void recordBackend(BackendUse use) throws SessionException {
        requireWritable();
        append(new JournalEntry.BackendUsed(session.journalSeq() + 1, clock.instant(), use));
        contentSeq = session.journalSeq();
    }

    /** The journal as it is now: the recording that replay walks. */
    public SessionJournal.Contents journal() throws SessionException {
        return SessionJournal.read(SessionFormat.journalOf(file));
    }

    /**
     * Writes the session atomically. Refuses when the file changed on disk since it was opened
     * or last saved (another program wrote it); {@link #forceSave} overwrites that change.
     * Nothing is written when only the view changed since the last save (the cursor moved): the
     * journal holds those entries and opening replays them, so quitting a large session after
     * reading it does not rewrite the file.
     */
    public void save() throws SessionException {
        save(false);
    }

    /** Saves even over a file that changed on disk. */
    public void forceSave() throws SessionException {
        save(true);
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed && journal != null) {
            journal.close();
        }
        closed = true;
    }

    private void save(boolean force) throws SessionException {
        synchronized (saveLock) {
            Session snapshot;
            synchronized (this) {
                requireWritable();
                if (!force && contentSeq <= savedSeq && Files.exists(file)) {
                    return;
                }
                snapshot = session.withSaved(clock.instant());
            }
            if (!force && !stampOf(file).equals(stamp)) {
                throw new SessionException(file + ": changed on disk since it was opened; not saved"
                        + " (reopen it, or force the save to overwrite the change)");
            }
            SessionFile.write(file, snapshot);
            stamp = stampOf(file);
            synchronized (this) {
                savedSeq = snapshot.journalSeq();
                session = session.withSaved(snapshot.saved());
            }
        }
    }

    private static FileStamp stampOf(Path file) throws SessionException {
        try {
            return FileStamp.of(file);
        } catch (IOException e) {
            throw new SessionException(file + ": cannot read its attributes: " + e.getMessage(), e);
        }
    }

    private void append(JournalEntry entry) throws SessionException {
        journal.append(entry);
        session = session.apply(entry);
    }

    private void requireWritable() {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        if (journal == null) {
            throw new IllegalStateException(file + " was opened read-only");
        }
    }

    private static void create(Path file, Clock clock) throws SessionException {
        Path journal = SessionFormat.journalOf(file);
        try {
            if (Files.exists(journal) && Files.size(journal) > 0) {
                throw new SessionException(journal + ": a journal without its session file; move it away"
                        + " to start a new session here");
            }
        } catch (IOException e) {
            throw new SessionException(journal + ": cannot read: " + e.getMessage(), e);
        }
        SessionFile.write(file, Session.empty(clock.instant()));
    }

    private static SessionStore load(Path file, SessionJournal journal, SessionJournal.Contents contents, Clock clock)
            throws SessionException {
        FileStamp stamp = stampOf(file); // before reading: a change while we read shows at save time
        Session saved = SessionFile.read(file);
        Session session = saved;
        for (JournalEntry entry : contents.entries()) {
            if (entry.seq() <= saved.journalSeq()) {
                continue; // already in the file
            }
            try {
                session = session.apply(entry);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new SessionException(SessionFormat.journalOf(file) + ": entry seq " + entry.seq()
                        + " does not apply to the session: " + e.getMessage(), e);
            }
        }
        return new SessionStore(file, journal, session, saved.journalSeq(), stamp, contents.warnings(), clock);
    }

    private static void closeQuietly(SessionJournal journal) {
        try {
            journal.close();
        } catch (IOException e) {
            // already failing with a better message
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // an empty journal left behind is harmless
        }
    }
}
