package dev.weft.session;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.loom.LoomAction;
import java.time.Instant;

/**
 * One line of the journal: something that happened in the session, numbered and timed. The
 * journal is both the crash log (entries past the file's {@code journal_seq} are replayed on
 * open) and the recording that replay walks step by step.
 */
public sealed interface JournalEntry {

    /** Strictly increasing over the life of the session, starting at 1. */
    long seq();

    Instant at();

    /** A change to the tree: a user action or a model response. */
    record Action(long seq, Instant at, LoomAction action) implements JournalEntry {}

    /** The user moved (current node, token cursor) or changed a UI setting. */
    record ViewChange(long seq, Instant at, SessionView view) implements JournalEntry {}

    /** From here on, requests went to this backend. */
    record BackendUsed(long seq, Instant at, BackendUse use) implements JournalEntry {}

    /** A {@code :dist} or {@code :sweep} run and its results; its time is the record's. */
    record AnalysisRun(long seq, AnalysisRecord record) implements JournalEntry {
        public Instant at() {
            return record.at();
        }
    }
}
