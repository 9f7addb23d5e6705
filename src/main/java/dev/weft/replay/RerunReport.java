package dev.weft.replay;

import java.util.List;

/**
 * What a replay against another model did, step by step.
 *
 * @param steps       one outcome per recorded change to the tree (streamed tokens of a re-issued
 *                    request are part of its step)
 * @param requests    model requests re-issued
 * @param completions completions they returned
 * @param unchanged   completions whose text is the same as the recorded one
 */
public record RerunReport(List<StepOutcome> steps, int requests, int completions, int unchanged) {
    public RerunReport {
        steps = List.copyOf(steps);
    }

    public long count(StepOutcome.Outcome outcome) {
        return steps.stream().filter(s -> s.outcome() == outcome).count();
    }
}
