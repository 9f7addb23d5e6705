package dev.weft.analysis;

import dev.weft.loom.Token;
import dev.weft.model.Completion;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples at one temperature of a sweep and how diverse they are.
 *
 * @param meanTokenProbability mean of the model's probability over every scored token of every
 *                             sample (how confident the model was in what it wrote); NaN when none
 */
public record SweepRow(double temperature, List<Completion> samples, Diversity diversity,
                       double meanTokenProbability) {
    public SweepRow {
        samples = List.copyOf(samples);
    }

    public static SweepRow of(double temperature, List<Completion> samples) {
        List<String> texts = new ArrayList<>(samples.size());
        double sum = 0;
        int scored = 0;
        for (Completion sample : samples) {
            texts.add(sample.text());
            for (Token token : sample.tokens()) {
                if (token.isScored()) {
                    sum += token.probability();
                    scored++;
                }
            }
        }
        return new SweepRow(temperature, samples, Diversity.of(texts), scored == 0 ? Double.NaN : sum / scored);
    }
}
