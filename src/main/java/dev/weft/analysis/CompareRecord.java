package dev.weft.analysis;

import dev.weft.loom.NodeId;
import dev.weft.loom.SamplingParams;
import java.time.Instant;
import java.util.List;

/**
 * A compare view's result kept in the session: the same path continued by two backends with the
 * same sampling settings, each side's samples as the backend returned them (or why it failed), so
 * the replay player shows the two columns again without a model and the figures are computed
 * again exactly.
 *
 * @param node   the node both sides continued (advisory)
 * @param cursor its last token (the context is the whole path to it)
 * @param params the sampling settings both sides were asked with
 */
public record CompareRecord(Instant at, NodeId node, int cursor, String context, SamplingParams params, List<Run> runs)
        implements AnalysisRecord {

    /** One side: its samples, or why it failed (then none); a side the view closed before has that as its failure. */
    public record Run(Side side, List<SweepRecord.Sample> samples, String failure) {
        public Run {
            samples = List.copyOf(samples);
            if (side == null || (failure != null && !samples.isEmpty())) {
                throw new IllegalArgumentException("a compare run has a side and either samples or a failure");
            }
        }
    }

    public CompareRecord {
        runs = List.copyOf(runs);
        if (at == null || context == null || params == null || cursor < 0 || runs.isEmpty()) {
            throw new IllegalArgumentException("a compare record needs its time, context, settings and a run");
        }
    }

    @Override
    public String kind() {
        return "compare";
    }
}
