package dev.weft.replay;

/**
 * How one recorded step fared when replayed against another model.
 *
 * @param seq     the recorded journal entry
 * @param kind    as in {@link StepSummary#kind()}
 * @param outcome what became of it
 * @param note    one line saying what happened, with the node ids of both trees
 */
public record StepOutcome(long seq, String kind, Outcome outcome, String note) {

    public enum Outcome {
        /** Re-applied as recorded; for a request, the new model wrote the same text. */
        SAME,
        /** A request whose completions differ from the recorded ones. */
        CHANGED,
        /** Re-applied at the nearest equivalent place, because the new text differs there. */
        MOVED,
        /** Could not be re-applied; the steps on the nodes it would have made are skipped too. */
        SKIPPED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
