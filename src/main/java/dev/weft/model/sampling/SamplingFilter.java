package dev.weft.model.sampling;

import dev.weft.loom.SamplingParams;
import java.util.Arrays;

/**
 * The distribution a token is actually drawn from: the model's probabilities reshaped by the
 * temperature, then cut by top-k, top-p and min-p, in that order, and renormalised. The model's
 * own probabilities, which the loom shows, are never changed; this is a separate, pure step.
 */
public final class SamplingFilter {
    /** Nucleus search starts with this many candidates and widens only for flat distributions. */
    private static final int FIRST_NUCLEUS_GUESS = 64;
    private static final int TEMPER_MEMO_BITS = 10;
    private static final int TEMPER_MEMO_SIZE = 1 << TEMPER_MEMO_BITS;

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
     * keeps a very low temperature from underflowing every weight to zero. A distribution over
     * a whole vocabulary holds few distinct values (an n-gram model's, a few hundred among 50k
     * ids), so results are memoised in a small direct-mapped table keyed by the value's bits.
     */
    static double[] tempered(double[] probabilities, double temperature) {
        if (temperature == 1) {
            return probabilities.clone();
        }
        double logMax = Math.log(probabilities[Ranking.argmax(probabilities)]);
        long[] memoKeys = new long[TEMPER_MEMO_SIZE];
        double[] memoValues = new double[TEMPER_MEMO_SIZE];
        Arrays.fill(memoKeys, -1L); // the bits of a NaN, never a probability
        double[] weights = new double[probabilities.length];
        for (int i = 0; i < weights.length; i++) {
            double p = probabilities[i];
            long bits = Double.doubleToRawLongBits(p);
            int slot = (int) ((bits * 0x9e3779b97f4a7c15L) >>> (64 - TEMPER_MEMO_BITS));
            if (memoKeys[slot] != bits) {
                memoKeys[slot] = bits;
                memoValues[slot] = p > 0 ? Math.exp((Math.log(p) - logMax) / temperature) : 0;
            }
            weights[i] = memoValues[slot];
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
