package dev.weft.replay;

import dev.weft.session.JournalEntry;
import dev.weft.session.Session;
import dev.weft.session.SessionException;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording opened for stepping: step k applies journal entry k (counting from 1), and
 * {@link #after} gives the session once any number of steps are done, in any order, so a player
 * can go back and jump. Sessions are immutable values that share structure, so a checkpoint every
 * {@value #CHECKPOINT_EVERY} steps is cheap and bounds the work of a jump to that many entries.
 * Opening replays the whole recording once, so an entry that does not apply is found at once.
 */
public final class Replay {
    static final int CHECKPOINT_EVERY = 256;

    private final Recording recording;
    /** checkpoints.get(i) is the session after i * CHECKPOINT_EVERY steps. */
    private final List<Session> checkpoints;

    private Replay(Recording recording, List<Session> checkpoints) {
        this.recording = recording;
        this.checkpoints = checkpoints;
    }

    /**
     * @throws SessionException naming the journal entry that does not apply to the tree it reaches
     */
    public static Replay of(Recording recording) throws SessionException {
        List<Session> checkpoints = new ArrayList<>();
        Session session = recording.start();
        checkpoints.add(session);
        List<JournalEntry> entries = recording.entries();
        for (int i = 0; i < entries.size(); i++) {
            session = apply(recording, session, entries.get(i));
            if ((i + 1) % CHECKPOINT_EVERY == 0) {
                checkpoints.add(session);
            }
        }
        return new Replay(recording, List.copyOf(checkpoints));
    }

    public Recording recording() {
        return recording;
    }

    /** The number of steps: one per journal entry. */
    public int steps() {
        return recording.size();
    }

    /** The entry step {@code step} applies, 1 ≤ step ≤ {@link #steps()}. */
    public JournalEntry entry(int step) {
        checkStep(step, 1);
        return recording.entries().get(step - 1);
    }

    /** The session after {@code step} steps; 0 is the empty start. */
    public Session after(int step) {
        checkStep(step, 0);
        int checkpoint = step / CHECKPOINT_EVERY;
        Session session = checkpoints.get(checkpoint);
        for (int i = checkpoint * CHECKPOINT_EVERY; i < step; i++) {
            session = session.apply(recording.entries().get(i)); // applied once already in of(): cannot fail
        }
        // the recording ends here: a generation still running was interrupted, as opening says
        return step == steps() ? session.withInterruptedCut() : session;
    }

    /** True when the last step arrives at the tree, view and backends the session holds now. */
    public boolean rebuildsTheSession() {
        Session replayed = after(steps());
        Session now = recording.end();
        return SameTree.of(replayed.loom(), now.loom()) && replayed.view().equals(now.view())
                && replayed.backends().equals(now.backends());
    }

    private void checkStep(int step, int lowest) {
        if (step < lowest || step > steps()) {
            throw new IndexOutOfBoundsException("step " + step + " is outside " + lowest + ".." + steps());
        }
    }

    private static Session apply(Recording recording, Session session, JournalEntry entry) throws SessionException {
        try {
            return session.apply(entry);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new SessionException(recording.name() + ".journal: entry seq " + entry.seq()
                    + " does not apply to the tree replayed so far: " + e.getMessage(), e);
        }
    }
}
