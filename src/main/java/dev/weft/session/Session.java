package dev.weft.session;

import dev.weft.loom.Interrupted;
import dev.weft.loom.Loom;
import dev.weft.analysis.AnalysisRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a session file holds, as one immutable value: the store keeps the current one and
 * a save writes a snapshot of it while recording goes on.
 *
 * @param created    when the session was started
 * @param saved      when the file was last written
 * @param journalSeq the last journal entry this value includes (0 = none)
 * @param analyses   the {@code :dist} and {@code :sweep} runs kept, oldest first
 */
public record Session(Instant created, Instant saved, long journalSeq, SessionBackends backends,
                      SessionView view, Loom loom, List<AnalysisRecord> analyses) {
    public Session {
        if (created == null || saved == null || backends == null || view == null || loom == null || analyses == null) {
            throw new IllegalArgumentException("session is missing a field");
        }
        analyses = List.copyOf(analyses);
        if (journalSeq < 0) {
            throw new IllegalArgumentException("negative journal seq " + journalSeq);
        }
    }

    /** A session without analyses. */
    public Session(Instant created, Instant saved, long journalSeq, SessionBackends backends, SessionView view,
                   Loom loom) {
        this(created, saved, journalSeq, backends, view, loom, List.of());
    }

    public static Session empty(Instant now) {
        return new Session(now, now, 0, SessionBackends.NONE, SessionView.START, Loom.empty());
    }

    /**
     * This session after a journal entry.
     *
     * @throws IllegalArgumentException when the entry's action does not apply to the loom
     */
    public Session apply(JournalEntry entry) {
        if (entry instanceof JournalEntry.Action a) {
            return withLoom(a.action().apply(loom).loom(), a.seq());
        }
        if (entry instanceof JournalEntry.ViewChange v) {
            return new Session(created, saved, v.seq(), backends, v.view(), loom, analyses);
        }
        if (entry instanceof JournalEntry.AnalysisRun r) {
            List<AnalysisRecord> more = new ArrayList<>(analyses);
            more.add(r.record());
            return new Session(created, saved, r.seq(), backends, view, loom, more);
        }
        JournalEntry.BackendUsed b = (JournalEntry.BackendUsed) entry;
        return new Session(created, saved, b.seq(), backends.plus(b.use()), view, loom, analyses);
    }

    /** This session with every generation that has no end marked cut (see {@link Interrupted}). */
    public Session withInterruptedCut() {
        Loom cut = Interrupted.markCut(loom);
        return cut == loom ? this : new Session(created, saved, journalSeq, backends, view, cut, analyses);
    }

    Session withLoom(Loom next, long seq) {
        return new Session(created, saved, seq, backends, view, next, analyses);
    }

    Session withSaved(Instant when) {
        return new Session(created, when, journalSeq, backends, view, loom, analyses);
    }
}
