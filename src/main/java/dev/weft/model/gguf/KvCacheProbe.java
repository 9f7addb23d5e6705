package dev.weft.model.gguf;

import dev.weft.loom.Alternative;
import dev.weft.loom.Token;
import dev.weft.model.KvCacheStats;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import java.util.List;
import java.util.Locale;

/**
 * The doctor's check of the key/value cache on a real model file: a short text is scored, then
 * the same text with its last word edited (as scoring a perturbation in the loom does), which
 * must reuse every position before the edit; then the edited text once more with the cache
 * emptied, which must give the same logprobs, alternatives included, to float precision.
 *
 * @param positions     positions the edited text asked for
 * @param reused        of those, positions that came from the cache
 * @param computed      of those, positions a forward pass computed
 * @param maxDifference largest difference between a cached and a recomputed logprob
 */
public record KvCacheProbe(long positions, long reused, long computed, double maxDifference) {
    /** Logprobs that differ by more than this are not the same computation (float rounding is far below it). */
    public static final double TOLERANCE = 1e-4;

    private static final String PROMPT = "The quick brown fox jumps over the lazy";
    private static final String FIRST = " dog, and the cat sat on the mat.";
    private static final String EDITED = " dog, and the cat sat on the rug.";
    private static final int ALTERNATIVES = 5;

    /** Runs the probe; the cache's budget is as it was afterwards, and the cache is left empty. */
    public static KvCacheProbe run(GgufModel model) throws ModelException {
        Prompt prompt = Prompt.of(PROMPT);
        model.score(prompt, FIRST, ALTERNATIVES);
        KvCacheStats before = model.cacheStats();
        Scoring cached = model.score(prompt, EDITED, ALTERNATIVES);
        KvCacheStats between = model.cacheStats();
        long budget = before.budget();
        Scoring recomputed;
        try {
            model.cacheBudget(0);
            recomputed = model.score(prompt, EDITED, ALTERNATIVES);
        } finally {
            model.cacheBudget(budget);
        }
        // the recomputation's positions are not the cached run's: its figures are those seen between
        long reused = between.reused() - before.reused();
        long computed = between.computed() - before.computed();
        return new KvCacheProbe(reused + computed, reused, computed, difference(cached.tokens(), recomputed.tokens()));
    }

    public boolean exact() {
        return maxDifference <= TOLERANCE;
    }

    /** "an edit's re-score reused 14 of 16 positions; cached and recomputed logprobs agree (max difference 0)" */
    public String describe() {
        return String.format(Locale.ROOT, "an edit's re-score reused %d of %d positions and computed %d; cached and"
                        + " recomputed logprobs %s (max difference %.1g)", reused, positions, computed,
                exact() ? "agree" : "DIFFER", maxDifference);
    }

    private static double difference(List<Token> a, List<Token> b) {
        if (a.size() != b.size()) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            Token x = a.get(i);
            Token y = b.get(i);
            if (!x.piece().equals(y.piece())) {
                return Double.POSITIVE_INFINITY;
            }
            max = Math.max(max, gap(x.logprob(), y.logprob()));
            for (Alternative p : x.top()) {
                Alternative q = y.top().stream().filter(o -> o.piece().equals(p.piece())).findFirst().orElse(null);
                // one alternative may trade places with the next below the top-k when the two are within rounding
                double last = y.top().isEmpty() ? Double.NEGATIVE_INFINITY : y.top().get(y.top().size() - 1).logprob();
                max = Math.max(max, gap(p.logprob(), q != null ? q.logprob() : last));
            }
        }
        return max;
    }

    private static double gap(double x, double y) {
        return Double.isNaN(x) && Double.isNaN(y) ? 0 : Math.abs(x - y);
    }
}
