package dev.weft.model.http;

/**
 * Servers mark "not in the reported top-k" with sentinels instead of leaving the value out:
 * OpenAI chat uses {@code -9999.0}, some servers {@code -inf}, {@code null} or about
 * {@code -3.4e38} (the lowest float). All of these become NaN, which the loom shows as unscored,
 * never as a probability.
 */
public final class Logprobs {
    /** Anything at or below this is a sentinel: exp(-9999) is 0 at any precision anyway. */
    static final double SENTINEL_CEILING = -9999.0;
    /** Float rounding can give a certain token a logprob a hair above 0. */
    private static final double ROUNDING_SLACK = 1e-4;

    private Logprobs() {}

    public static double clean(double logprob) {
        if (Double.isNaN(logprob) || logprob <= SENTINEL_CEILING || logprob > ROUNDING_SLACK) {
            return Double.NaN;
        }
        return Math.min(logprob, 0.0);
    }

    /** A probability in [0, 1] (llama.cpp's {@code prob} fields) as a clean logprob; 0 is "not reported". */
    public static double fromProbability(double p) {
        if (Double.isNaN(p) || p <= 0 || p > 1 + ROUNDING_SLACK) {
            return Double.NaN;
        }
        return clean(Math.log(Math.min(p, 1.0)));
    }
}
