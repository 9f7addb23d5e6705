package dev.weft.session;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.loom.Interrupted;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
 *
 * <p>A failed append stops the journal: nothing further is appended (a later, smaller entry
 * that fits would leave a gap that replay cannot cross) until {@link #saveWhole} has written
 * the whole state the user sees and started a fresh journal. Every write goes through a
 * {@link Disk}, so tests can fail any of them.
 */
public final class SessionStore implements Closeable {
    private final Path file;
    private final Disk disk;
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
    /** Entries of the operation in progress ({@link #inOneWrite}), written when it ends; null otherwise. */
    private List<JournalEntry> batch;
    /** Why the journal stopped (the first failed append), or null while every change is recorded. */
    private String stopped;

    private SessionStore(Path file, Disk disk, SessionJournal journal, Session session, long savedSeq, FileStamp stamp,
                         List<String> warnings, Clock clock) {
        this.file = file;
        this.disk = disk;
        this.clock = clock;
        this.journal = journal;
        this.session = session;
        this.savedSeq = savedSeq;
        this.contentSeq = session.journalSeq(); // what was replayed on opening counts: the file lacks it
        this.stamp = stamp;
        this.warnings = new ArrayList<>(warnings);
    }

    /** Opens an existing session for exploring, replaying its journal. */
    public static SessionStore open(Path file) throws SessionException {
        return open(file, Clock.systemUTC());
    }

    /** Opens with {@code clock} timing journal entries and saves: scripts that build sessions bring their own. */
    public static SessionStore open(Path file, Clock clock) throws SessionException {
        return open(file, clock, Disk.REAL);
    }

    /** As {@link #open(Path, Clock)}, writing through {@code disk}. */
    public static SessionStore open(Path file, Clock clock, Disk disk) throws SessionException {
        if (!Files.exists(file)) {
            throw new SessionException(file + ": no such session file");
        }
        Path journalFile = SessionFormat.journalOf(file);
        boolean journalExisted = Files.exists(journalFile);
        SessionJournal.Opened opened = SessionJournal.open(disk, journalFile);
        try {
            SessionStore store = load(file, disk, opened.journal(), opened.contents(), clock);
            // the journal's lock is ours: no other weft saves this session now
            int removed = SaveTemps.removeStale(disk, file, clock.instant()).size();
            if (removed > 0) {
                store.warnings.add(removed + (removed == 1 ? " temp file" : " temp files")
                        + " left by an interrupted save removed");
            }
            store.markInterrupted();
            return store;
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
        return openOrCreate(file, clock, Disk.REAL);
    }

    /** As {@link #openOrCreate(Path, Clock)}, writing through {@code disk}. */
    public static SessionStore openOrCreate(Path file, Clock clock, Disk disk) throws SessionException {
        if (!Files.exists(file)) {
            create(file, clock, disk);
        }
        return open(file, clock, disk);
    }

    /** Reads the session and its journal without writing anything: for commands that only look. */
    public static SessionStore openReadOnly(Path file) throws SessionException {
        if (!Files.exists(file)) {
            throw new SessionException(file + ": no such session file");
        }
        SessionStore store = load(file, Disk.REAL, null, SessionJournal.read(SessionFormat.journalOf(file)), Clock.systemUTC());
        store.markInterrupted();
        return store;
    }

    /**
     * As {@link #openReadOnly}, for commands that show no token's alternatives ({@code weft tree}): the
     * file is read with every check but without them, most of a big tree's objects; when the
     * journal holds entries to replay (which may need them), it is read whole.
     */
    public static SessionStore openReadOnlyWithoutAlternatives(Path file) throws SessionException {
        if (!Files.exists(file)) {
            throw new SessionException(file + ": no such session file");
        }
        SessionJournal.Contents contents = SessionJournal.read(SessionFormat.journalOf(file));
        FileStamp stamp = stampOf(file);
        Session saved = SessionReader.readWithoutAlternatives(file);
        // only a change to the tree may need the alternatives left out; a session opened in the loom and
        // looked at gathers view entries, which apply to this lighter read as they are
        List<JournalEntry> after = contents.entries().stream().filter(e -> e.seq() > saved.journalSeq()).toList();
        boolean changesTheTree = after.stream().anyMatch(e -> e instanceof JournalEntry.Action);
        SessionStore store;
        if (changesTheTree) {
            store = load(file, Disk.REAL, null, contents, Clock.systemUTC());
        } else {
            Session session = saved;
            for (JournalEntry entry : after) {
                session = applied(file, session, entry);
            }
            store = new SessionStore(file, Disk.REAL, null, session, saved.journalSeq(), stamp, contents.warnings(),
                    Clock.systemUTC());
        }
        store.markInterrupted();
        return store;
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
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Why the journal stopped recording (a failed write), or null while every change is recorded. */
    public synchronized String writeFailure() {
        return stopped;
    }

    /** True when the journal holds entries the file does not. */
    public synchronized boolean hasUnsavedChanges() {
        return stopped != null || session.journalSeq() > savedSeq;
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
        refuseWhenStopped(); // before applying: after a failure the caller's tree is ahead of ours
        // compute first: an action that cannot apply must never reach the journal, or replay would
        // stop there. The loom is a value, so nothing changes until the entry is on disk.
        Loom.Result result = action.apply(session.loom());
        long seq = session.journalSeq() + 1;
        appendOrStop(new JournalEntry.Action(seq, clock.instant(), action));
        session = session.withLoom(result.loom(), seq);
        contentSeq = seq;
        return result;
    }

    /** Work recorded as one operation. */
    @FunctionalInterface
    public interface Operation<T> {
        T run() throws SessionException;
    }

    /**
     * Runs {@code work} (calls of {@link #record}, {@link #recordBackend}, {@link #recordView})
     * as one operation: its journal entries go to the disk in one write with one sync at the
     * end, not one sync per node (an import of thousands of nodes). If the work or the write
     * fails, nothing of it is journaled and the session is as before. For headless writers,
     * which show nothing before the operation is done.
     */
    public synchronized <T> T inOneWrite(Operation<T> work) throws SessionException {
        if (batch != null) {
            return work.run();
        }
        Session before = session;
        long contentBefore = contentSeq;
        batch = new ArrayList<>();
        try {
            T out = work.run();
            List<JournalEntry> entries = batch;
            batch = null;
            try {
                journal.appendAll(entries);
            } catch (SessionException e) {
                stopped = e.getMessage();
                throw e;
            }
            return out;
        } catch (SessionException | RuntimeException e) {
            session = before;
            contentSeq = contentBefore;
            throw e;
        } finally {
            batch = null;
        }
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

    /** Journals a {@code :dist} or {@code :sweep} run with its results, and keeps it in the session. */
    public synchronized void recordAnalysis(AnalysisRecord record) throws SessionException {
        requireWritable();
        append(new JournalEntry.AnalysisRun(session.journalSeq() + 1, record));
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

    /**
     * Writes {@code loom} and {@code view} (what the user sees, which after a failed append holds
     * more than the journal) as the whole session, atomically, then starts a fresh journal. The
     * file's journal_seq covers every entry of the old journal, so a crash between the two steps
     * reopens to the saved state. Clears a stopped journal.
     *
     * @throws SessionException when the file cannot be written (the previous one is intact and the
     *                          journal stays stopped) or the fresh journal cannot be started
     */
    public void saveWhole(Loom loom, SessionView view) throws SessionException {
        synchronized (saveLock) {
            Session snapshot;
            synchronized (this) {
                requireWritable();
                snapshot = new Session(session.created(), clock.instant(), session.journalSeq(), session.backends(), view, loom,
                        session.analyses());
            }
            if (!stampOf(file).equals(stamp)) {
                throw new SessionException(file + ": changed on disk since it was opened; not saved"
                        + " (save under another name with :saveas)");
            }
            SessionFile.write(disk, file, snapshot);
            stamp = stampOf(file);
            synchronized (this) {
                savedSeq = snapshot.journalSeq();
                session = snapshot;
                try {
                    journal.restart();
                    stopped = null;
                } catch (SessionException e) {
                    stopped = e.getMessage();
                    throw new SessionException(file + ": saved, but " + e.getMessage()
                            + "; changes from now on are not recorded", e);
                }
            }
        }
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
                if (stopped != null) {
                    throw new SessionException(file + ": not saved: changes made after the journal failed are"
                            + " only in memory (" + stopped + ")");
                }
                if (!force && contentSeq <= savedSeq && Files.exists(file)) {
                    return;
                }
                snapshot = session.withSaved(clock.instant());
            }
            if (!force && !stampOf(file).equals(stamp)) {
                throw new SessionException(file + ": changed on disk since it was opened; not saved"
                        + " (reopen it, or force the save to overwrite the change)");
            }
            SessionFile.write(disk, file, snapshot);
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
        appendOrStop(entry);
        session = session.apply(entry);
    }

    /** Appends, or says why not; after one failure nothing more is appended until a whole save. */
    private void appendOrStop(JournalEntry entry) throws SessionException {
        refuseWhenStopped();
        if (batch != null) {
            batch.add(entry);
            return;
        }
        try {
            journal.append(entry);
        } catch (SessionException e) {
            stopped = e.getMessage();
            throw e;
        }
    }

    private void refuseWhenStopped() throws SessionException {
        if (stopped != null) {
            throw new SessionException(file + ": not recorded: the journal stopped after a write failed ("
                    + stopped + ")");
        }
    }

    /**
     * Marks cut every generation with no end: none runs in this process yet, so the process that
     * ran it is gone. Journaled when writable, so the file agrees; in memory when read-only.
     */
    private synchronized void markInterrupted() {
        List<LoomAction> cuts = Interrupted.cuts(session.loom());
        if (cuts.isEmpty()) {
            return;
        }
        for (LoomAction cut : cuts) {
            if (journal != null && stopped == null) {
                try {
                    record(cut);
                    continue;
                } catch (SessionException e) {
                    warnings.add(e.getMessage());
                }
            }
            session = session.withLoom(cut.apply(session.loom()).loom(), session.journalSeq());
        }
        warnings.add(Interrupted.notice(cuts.size()));
    }

    private void requireWritable() {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        if (journal == null) {
            throw new IllegalStateException(file + " was opened read-only");
        }
    }

    private static void create(Path file, Clock clock, Disk disk) throws SessionException {
        Path journal = SessionFormat.journalOf(file);
        try {
            if (Files.exists(journal) && Files.size(journal) > 0) {
                throw new SessionException(journal + ": a journal without its session file; move it away"
                        + " to start a new session here");
            }
        } catch (IOException e) {
            throw new SessionException(journal + ": cannot read: " + e.getMessage(), e);
        }
        SessionFile.write(disk, file, Session.empty(clock.instant()));
    }

    private static SessionStore load(Path file, Disk disk, SessionJournal journal, SessionJournal.Contents contents,
                                     Clock clock)
            throws SessionException {
        FileStamp stamp = stampOf(file); // before reading: a change while we read shows at save time
        Session saved = SessionFile.read(file);
        Session session = saved;
        for (JournalEntry entry : contents.entries()) {
            if (entry.seq() <= saved.journalSeq()) {
                continue; // already in the file
            }
            session = applied(file, session, entry);
        }
        return new SessionStore(file, disk, journal, session, saved.journalSeq(), stamp, contents.warnings(), clock);
    }

    private static Session applied(Path file, Session session, JournalEntry entry) throws SessionException {
        try {
            return session.apply(entry);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new SessionException(SessionFormat.journalOf(file) + ": entry seq " + entry.seq()
                    + " does not apply to the session: " + e.getMessage(), e);
        }
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
