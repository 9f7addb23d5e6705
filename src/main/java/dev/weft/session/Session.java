package dev.weft.session;

import dev.weft.loom.Interrupted;
import dev.weft.loom.Loom;
import java.time.Instant;

/**
 * Everything a session file holds, as one immutable value: the store keeps the current one and
 * a save writes a snapshot of it while recording goes on.
 *
 * @param created    when the session was started
 * @param saved      when the file was last written
 * @param journalSeq the last journal entry this value includes (0 = none)
 */
public record Session(Instant created, Instant saved, long journalSeq, SessionBackends backends,
                      SessionView view, Loom loom) {
    public Session {
        if (created == null || saved == null || backends == null || view == null || loom == null) {
            throw new IllegalArgumentException("session is missing a field");
        }
        if (journalSeq < 0) {
            throw new IllegalArgumentException("negative journal seq " + journalSeq);
        }
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
            return new Session(created, saved, v.seq(), backends, v.view(), loom);
        }
        JournalEntry.BackendUsed b = (JournalEntry.BackendUsed) entry;
        return new Session(created, saved, b.seq(), backends.plus(b.use()), view, loom);
    }

    /** This session with every generation that has no end marked cut (see {@link Interrupted}). */
    public Session withInterruptedCut() {
        Loom cut = Interrupted.markCut(loom);
        return cut == loom ? this : new Session(created, saved, journalSeq, backends, view, cut);
    }

    Session withLoom(Loom next, long seq) {
        return new Session(created, saved, seq, backends, view, next);
    }

    Session withSaved(Instant when) {
        return new Session(created, when, journalSeq, backends, view, loom);
    }
}
