package dev.weft.model.sampling;

import dev.weft.loom.SamplingParams;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the token ids of one completion from a model's full distribution under a request's
 * sampling parameters ({@link SamplingFilter}). Pure apart from its random stream: with a seed,
 * the same probabilities always give the same draws.
 */
public final class Sampler {
    private final SamplingParams params;
    private final SplittableRandom random;

    private Sampler(SamplingParams params, SplittableRandom random) {
        this.params = params;
        this.random = random;
    }

    /**
     * One sampler per requested choice. Each draws from its own stream split off the seed's
     * stream in choice order, so choices differ from one another, each repeats exactly, and
     * choice 0 of an n-choice request equals the single choice of the same request with n = 1.
     * A null seed gives fresh randomness.
     */
    public static List<Sampler> forChoices(SamplingParams params) {
        SplittableRandom root = params.seed() == null ? new SplittableRandom() : new SplittableRandom(params.seed());
        List<Sampler> samplers = new ArrayList<>(params.n());
        for (int i = 0; i < params.n(); i++) {
            samplers.add(new Sampler(params, root.split()));
        }
        return samplers;
    }

    /** The next token id, given the model's probabilities (non-negative; need not sum to exactly 1). */
    public int next(double[] probabilities) {
        if (params.temperature() == 0) {
            return Ranking.argmax(probabilities);
        }
        double[] weights = SamplingFilter.isIdentity(params)
                ? probabilities
                : SamplingFilter.apply(probabilities, params);
        return draw(weights, random.nextDouble());
    }

    /** Inverse transform: the first id at which the running sum of weights exceeds {@code u} of the total. */
    static int draw(double[] weights, double u) {
        double target = u * SamplingFilter.sum(weights);
        double running = 0;
        int lastPossible = 0;
        for (int id = 0; id < weights.length; id++) {
            if (weights[id] > 0) {
                running += weights[id];
                lastPossible = id;
                if (running > target) {
                    return id;
                }
            }
        }
        return lastPossible; // rounding: the running sum ended just below the target
    }
}
