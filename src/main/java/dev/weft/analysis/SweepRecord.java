package dev.weft.analysis;

import dev.weft.loom.Generation;
import dev.weft.loom.NodeId;
import dev.weft.loom.TokenRun;
import dev.weft.model.Completion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code :sweep} run kept in the session: {@code n} samples of the context at each temperature,
 * per backend. Each sample keeps its tokens and how it was made (backend, model, every parameter at
 * its temperature, how it ended), so the figures are computed again exactly and a sample can still
 * be added to the tree as what it is: a sample at its temperature.
 */
public record SweepRecord(Instant at, NodeId node, int cursor, String context, int n, List<Run> runs)
        implements AnalysisRecord {

    /** One backend's rows, one per temperature, in the order asked. */
    public record Run(Side side, List<Row> rows) {
        public Run {
            rows = List.copyOf(rows);
            if (side == null) {
                throw new IllegalArgumentException("a sweep run needs its side");
            }
        }
    }

    /** One temperature: its samples, or the reason it failed (then no samples). */
    public record Row(double temperature, List<Sample> samples, String failure) {
        public Row {
            samples = List.copyOf(samples);
            if (failure != null && !samples.isEmpty()) {
                throw new IllegalArgumentException("a failed row has no samples");
            }
        }

        /** The row with its figures, as the sweep view shows it; null for a failed row. */
        public SweepRow figures() {
            if (failure != null) {
                return null;
            }
            List<Completion> completions = new ArrayList<>(samples.size());
            for (Sample s : samples) {
                completions.add(s.completion());
            }
            return SweepRow.of(temperature, completions);
        }
    }

    /** One sample as the backend returned it. */
    public record Sample(Generation generation, TokenRun tokens) {
        public Sample {
            if (generation == null || tokens == null) {
                throw new IllegalArgumentException("a sample needs its generation and tokens");
            }
        }

        public Completion completion() {
            return new Completion(tokens.tokens(), generation.finish());
        }
    }

    public SweepRecord {
        runs = List.copyOf(runs);
        if (at == null || context == null || cursor < 0 || n < 1 || runs.isEmpty()) {
            throw new IllegalArgumentException("a sweep record needs its time, context, n and a run");
        }
    }

    @Override
    public String kind() {
        return "sweep";
    }
}
