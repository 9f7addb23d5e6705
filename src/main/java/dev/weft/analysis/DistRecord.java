package dev.weft.analysis;

import dev.weft.loom.NodeId;
import java.time.Instant;
import java.util.List;

/**
 * A {@code :dist} run kept in the session: the candidate set as typed and the text between the
 * context and each candidate, and per backend the distribution (or why it failed).
 */
public record DistRecord(Instant at, NodeId node, int cursor, String context, String spec, String prefix,
                         List<Run> runs) implements AnalysisRecord {

    /** One backend's answer: the distribution, or the reason it failed (then {@code distribution} is null). */
    public record Run(Side side, CandidateDistribution distribution, String failure) {
        public Run {
            if (side == null || (distribution == null) == (failure == null)) {
                throw new IllegalArgumentException("a dist run has a side and either a distribution or a failure");
            }
        }
    }

    public DistRecord {
        runs = List.copyOf(runs);
        if (at == null || context == null || spec == null || prefix == null || cursor < 0 || runs.isEmpty()) {
            throw new IllegalArgumentException("a dist record needs its time, context, candidates and a run");
        }
    }

    @Override
    public String kind() {
        return "dist";
    }
}
