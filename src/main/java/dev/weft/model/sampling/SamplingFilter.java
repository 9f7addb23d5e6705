package dev.weft.model.sampling;

import dev.weft.loom.SamplingParams;

/**
 * The distribution a token is actually drawn from: the model's probabilities reshaped by the
 * temperature, then cut by top-k, top-p and min-p, in that order, and renormalised. The model's
 * own probabilities, which the loom shows, are never changed; this is a separate, pure step.
 */
public final class SamplingFilter {
    /** Nucleus search starts with this many candidates and widens only for flat distributions. */
    private static final int FIRST_NUCLEUS_GUESS = 64;

    private SamplingFilter() {}

    /** True when sampling draws from the model's probabilities unchanged. */
    public static boolean isIdentity(SamplingParams params) {
        return params.temperature() == 1 && params.topK() == 0 && params.topP() == 1 && params.minP() == 0;
    }

    /**
     * The renormalised sampling distribution (a new array). Temperature 0 gives all the mass to
     * the most likely token (lowest id among equals). Ties at a top-k or top-p boundary keep the
     * lower ids.
     */
    public static double[] apply(double[] probabilities, SamplingParams params) {
        if (params.temperature() == 0) {
            double[] greedy = new double[probabilities.length];
            greedy[Ranking.argmax(probabilities)] = 1;
            return greedy;
        }
        double[] weights = tempered(probabilities, params.temperature());
        if (params.topK() > 0 && params.topK() < weights.length) {
            keepOnly(weights, Ranking.top(weights, params.topK()), params.topK());
        }
        if (params.topP() < 1) {
            keepNucleus(weights, params.topP());
        }
        if (params.minP() > 0) {
            dropBelow(weights, params.minP() * weights[Ranking.argmax(weights)]);
        }
        double total = sum(weights);
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= total;
        }
        return weights;
    }

    /**
     * p^(1/T), scaled so the top token weighs 1. Working relative to the maximum in log space
     * keeps a very low temperature from underflowing every weight to zero.
     */
    static double[] tempered(double[] probabilities, double temperature) {
        double[] weights = probabilities.clone();
        if (temperature == 1) {
            return weights;
        }
        double logMax = Math.log(probabilities[Ranking.argmax(probabilities)]);
        for (int i = 0; i < weights.length; i++) {
            double p = weights[i];
            weights[i] = p > 0 ? Math.exp((Math.log(p) - logMax) / temperature) : 0;
        }
        return weights;
    }

    /** Keeps the smallest most-likely-first set whose mass reaches {@code topP} of the total. */
    private static void keepNucleus(double[] weights, double topP) {
        double target = topP * sum(weights);
        for (int guess = FIRST_NUCLEUS_GUESS; ; guess *= 4) {
            int[] ranked = Ranking.top(weights, guess);
            double mass = 0;
            for (int r = 0; r < ranked.length; r++) {
                mass += weights[ranked[r]];
                if (mass >= target) {
                    keepOnly(weights, ranked, r + 1);
                    return;
                }
            }
            if (ranked.length == weights.length) {
                return; // rounding left the running sum a hair short of the target: keep everything
            }
        }
    }

    private static void keepOnly(double[] weights, int[] ids, int count) {
        double[] kept = new double[weights.length];
        for (int r = 0; r < count; r++) {
            kept[ids[r]] = weights[ids[r]];
        }
        System.arraycopy(kept, 0, weights, 0, weights.length);
    }

    private static void dropBelow(double[] weights, double threshold) {
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < threshold) {
                weights[i] = 0;
            }
        }
    }

    /** Four running sums rather than one: a single chain of dependent additions is latency-bound. */
    static double sum(double[] weights) {
        double a = 0;
        double b = 0;
        double c = 0;
        double d = 0;
        int i = 0;
        for (; i + 3 < weights.length; i += 4) {
            a += weights[i];
            b += weights[i + 1];
            c += weights[i + 2];
            d += weights[i + 3];
        }
        for (; i < weights.length; i++) {
            a += weights[i];
        }
        return (a + b) + (c + d);
    }
}
