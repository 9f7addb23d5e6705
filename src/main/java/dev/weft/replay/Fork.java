package dev.weft.replay;

import dev.weft.session.JournalEntry;
import dev.weft.session.SessionException;
import dev.weft.session.SessionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Takes over a replay: a new session holding the recording's first steps, journaled entry by
 * entry at their recorded times, so it can be explored live from that point and is itself a
 * recording of how it got there. The recorded session is not touched.
 */
public final class Fork {
    private Fork() {}

    /**
     * Writes steps 1..{@code step} of {@code replay} to the new session {@code target}.
     *
     * @throws SessionException when {@code target} exists or cannot be written
     */
    public static void toStep(Replay replay, int step, Path target) throws SessionException {
        if (Files.exists(target)) {
            throw new SessionException(target + " exists; the fork needs a new file");
        }
        RecordedTime clock = new RecordedTime(replay.recording().start().created());
        try (SessionStore store = SessionStore.openOrCreate(target, clock)) {
            for (int i = 1; i <= step; i++) {
                JournalEntry entry = replay.entry(i);
                clock.now = entry.at();
                if (entry instanceof JournalEntry.Action a) {
                    store.record(a.action());
                } else if (entry instanceof JournalEntry.ViewChange v) {
                    store.recordView(v.view());
                } else if (entry instanceof JournalEntry.AnalysisRun r) {
                    store.recordAnalysis(r.record());
                } else {
                    store.recordBackend(((JournalEntry.BackendUsed) entry).use());
                }
            }
            store.save();
        } catch (IOException e) {
            throw new SessionException(target + ": cannot close: " + e.getMessage(), e);
        }
    }

    /** A new file beside the recording for a fork at {@code step}: {@code NAME-at-STEP.json}, else -2, -3… */
    public static Path freePath(Path recording, int step) {
        String name = recording.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        String base = stem + "-at-" + step;
        Path candidate = recording.resolveSibling(base + ".json");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = recording.resolveSibling(base + "-" + n + ".json");
        }
        return candidate;
    }

    /** Reads as the time of the entry being written, so the fork keeps the recording's timing. */
    private static final class RecordedTime extends Clock {
        private Instant now;

        RecordedTime(Instant start) {
            this.now = start;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("recorded times are UTC");
        }
    }
}
