package dev.weft.loom;

/**
 * The figures that make mode collapse visible on one node, over its scored tokens.
 *
 * @param scored           tokens that carry a logprob (typed, unscored text is left out)
 * @param sumLogprob       log of the probability of the whole run
 * @param meanLogprob      mean per scored token (NaN when none)
 * @param perplexity       exp(−mean logprob)
 * @param shareConfident   share of scored tokens with p &gt; 0.99
 * @param meanEntropy      mean entropy in nats of the reported top-k, renormalised to sum to 1
 *                         (a lower bound on the true entropy; NaN when no token has alternatives)
 */
public record NodeFigures(int scored, double sumLogprob, double meanLogprob, double perplexity,
                          double shareConfident, double meanEntropy) {
    public static final double CONFIDENT = 0.99;

    public static NodeFigures of(TokenRun run) {
        int scored = 0;
        int confident = 0;
        double sum = 0;
        int withAlternatives = 0;
        double entropySum = 0;
        for (int i = 0; i < run.size(); i++) {
            double lp = run.logprob(i);
            if (!Double.isNaN(lp)) {
                scored++;
                sum += lp;
                if (Math.exp(lp) > CONFIDENT) {
                    confident++;
                }
            }
            if (run.alternativeCount(i) > 0) {
                withAlternatives++;
                entropySum += topEntropy(run, i);
            }
        }
        double mean = scored == 0 ? Double.NaN : sum / scored;
        return new NodeFigures(scored, sum, mean, Math.exp(-mean),
                scored == 0 ? Double.NaN : (double) confident / scored,
                withAlternatives == 0 ? Double.NaN : entropySum / withAlternatives);
    }

    /**
     * The mean logprob of the run's scored tokens (NaN when none): {@link #of}'s {@code meanLogprob}
     * without the entropies of the alternatives, for views that show only it on many rows at once.
     */
    public static double meanLogprob(TokenRun run) {
        int scored = 0;
        double sum = 0;
        for (int i = 0; i < run.size(); i++) {
            double lp = run.logprob(i);
            if (!Double.isNaN(lp)) {
                scored++;
                sum += lp;
            }
        }
        return scored == 0 ? Double.NaN : sum / scored;
    }

    /** Entropy of the token's reported alternatives, renormalised; sentinel (NaN) entries are skipped. */
    static double topEntropy(TokenRun run, int i) {
        double mass = 0;
        int count = run.alternativeCount(i);
        double[] p = new double[count];
        for (int j = 0; j < count; j++) {
            double lp = run.alternative(i, j).logprob();
            p[j] = Double.isNaN(lp) ? 0 : Math.exp(lp);
            mass += p[j];
        }
        if (mass <= 0) {
            return 0;
        }
        double h = 0;
        for (double pj : p) {
            if (pj > 0) {
                double q = pj / mass;
                h -= q * Math.log(q);
            }
        }
        return h;
    }

    /** Mean probability per scored token, e^mean-logprob (the geometric mean). */
    public double meanProbability() {
        return Math.exp(meanLogprob);
    }
}
