package dev.weft.analysis;

import dev.weft.loom.SamplingParams;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import java.util.ArrayList;
import java.util.List;

/**
 * The same prompt sampled at several temperatures, n samples each: does turning the temperature
 * up escape a mode, or only add noise? (The essay: "Why not just turn up the temperature?")
 */
public record TemperatureSweep(List<SweepRow> rows) {
    public TemperatureSweep {
        rows = List.copyOf(rows);
    }

    /**
     * Samples {@code params.n()} completions at each temperature, every other parameter (the seed
     * included, so a sweep is reproducible) as given.
     */
    public static TemperatureSweep run(LanguageModel model, Prompt prompt, SamplingParams params,
                                       List<Double> temperatures) throws ModelException {
        if (temperatures.isEmpty()) {
            throw new IllegalArgumentException("no temperatures to sweep");
        }
        List<SweepRow> rows = new ArrayList<>(temperatures.size());
        if (model instanceof dev.weft.model.BatchedModel batched) {
            // every temperature's samples as one batch of siblings
            List<List<dev.weft.model.Completion>> all = batched.generateEach(prompt,
                    temperatures.stream().map(params::withTemperature).toList());
            for (int i = 0; i < temperatures.size(); i++) {
                rows.add(SweepRow.of(temperatures.get(i), all.get(i)));
            }
            return new TemperatureSweep(rows);
        }
        for (double t : temperatures) {
            rows.add(SweepRow.of(t, model.generate(prompt, params.withTemperature(t))));
        }
        return new TemperatureSweep(rows);
    }
}
