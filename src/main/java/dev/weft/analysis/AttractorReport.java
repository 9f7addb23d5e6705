package dev.weft.analysis;

import dev.weft.model.Completion;
import java.util.List;

/**
 * An attractor experiment: the temperature-0 completion, its perturbations regenerated, and how
 * many came back.
 *
 * @param regenerateTemperature the temperature the perturbed runs were regenerated at
 */
public record AttractorReport(Completion original, Ending.Located ending, double regenerateTemperature,
                              List<PerturbedRun> runs) {
    public AttractorReport {
        runs = List.copyOf(runs);
    }

    /** Share of perturbed runs whose text reached the original's ending; NaN without runs. */
    public double shareConverged() {
        return runs.isEmpty() ? Double.NaN
                : (double) runs.stream().filter(r -> r.convergence().endingMatched()).count() / runs.size();
    }

    public int rejoinedCount() {
        return (int) runs.stream().filter(r -> r.convergence().rejoined()).count();
    }

    /** Median tokens to re-join, over the runs that re-joined; NaN when none did. */
    public double medianRejoin() {
        int[] sorted = runs.stream().filter(r -> r.convergence().rejoined())
                .mapToInt(r -> r.convergence().rejoinAfter()).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
