package dev.weft.loom;

import java.util.List;

/**
 * Every parameter of a sampling request, recorded on the nodes it produced.
 *
 * @param temperature 0 means greedy (argmax)
 * @param topP        nucleus mass, 1 = off
 * @param topK        keep the k most likely tokens, 0 = off
 * @param minP        drop tokens below minP times the top probability, 0 = off
 * @param maxTokens   token limit per completion
 * @param n           number of sibling completions
 * @param topLogprobs alternatives reported per token
 * @param seed        makes sampling reproducible; null = fresh randomness
 * @param stop        stop strings (not included in the output)
 */
public record SamplingParams(double temperature, double topP, int topK, double minP, int maxTokens,
                             int n, int topLogprobs, Long seed, List<String> stop) {
    public static final SamplingParams DEFAULTS =
            new SamplingParams(1.0, 1.0, 0, 0.0, 48, 1, 5, null, List.of());

    public SamplingParams {
        stop = stop == null ? List.of() : List.copyOf(stop);
        check(temperature >= 0 && Double.isFinite(temperature), "temperature must be >= 0, got " + temperature);
        check(topP > 0 && topP <= 1, "top-p must be in (0, 1], got " + topP);
        check(topK >= 0, "top-k must be >= 0, got " + topK);
        check(minP >= 0 && minP <= 1, "min-p must be in [0, 1], got " + minP);
        check(maxTokens >= 0, "max tokens must be >= 0, got " + maxTokens);
        check(n >= 1, "n must be >= 1, got " + n);
        check(topLogprobs >= 0, "top-logprobs must be >= 0, got " + topLogprobs);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Of {@code names} (session-file names), those whose value here is "off" (0): a server that
     * is not told a parameter applies its own default, so such a value is not what it used.
     */
    public java.util.Set<String> offAmong(java.util.Set<String> names) {
        java.util.Set<String> off = new java.util.TreeSet<>();
        if (names.contains("top_k") && topK <= 0) {
            off.add("top_k");
        }
        if (names.contains("min_p") && minP <= 0) {
            off.add("min_p");
        }
        return off;
    }

    public SamplingParams withTemperature(double t) {
        return new SamplingParams(t, topP, topK, minP, maxTokens, n, topLogprobs, seed, stop);
    }

    public SamplingParams withTopP(double p) {
        return new SamplingParams(temperature, p, topK, minP, maxTokens, n, topLogprobs, seed, stop);
    }

    public SamplingParams withTopK(int k) {
        return new SamplingParams(temperature, topP, k, minP, maxTokens, n, topLogprobs, seed, stop);
    }

    public SamplingParams withMinP(double p) {
        return new SamplingParams(temperature, topP, topK, p, maxTokens, n, topLogprobs, seed, stop);
    }

    public SamplingParams withMaxTokens(int m) {
        return new SamplingParams(temperature, topP, topK, minP, m, n, topLogprobs, seed, stop);
    }

    public SamplingParams withN(int count) {
        return new SamplingParams(temperature, topP, topK, minP, maxTokens, count, topLogprobs, seed, stop);
    }

    public SamplingParams withTopLogprobs(int k) {
        return new SamplingParams(temperature, topP, topK, minP, maxTokens, n, k, seed, stop);
    }

    public SamplingParams withSeed(Long s) {
        return new SamplingParams(temperature, topP, topK, minP, maxTokens, n, topLogprobs, s, stop);
    }

    public SamplingParams withStop(List<String> s) {
        return new SamplingParams(temperature, topP, topK, minP, maxTokens, n, topLogprobs, seed, s);
    }
}
