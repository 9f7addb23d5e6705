package dev.weft.loom;

/** Where a node's text came from. */
public enum Origin {
    /** Text the user gave as the start of a tree. */
    PROMPT,
    /** Sampled from a model. */
    MODEL,
    /** A manual perturbation: the user edited the text. */
    EDIT,
    /** An alternative token chosen at a position instead of the sampled one. */
    SWAP,
    /**
     * A path picked by hand among the model's likeliest tokens (the multiverse view): scored by
     * the model, never sampled, so figures that assume sampling leave it out. Each token keeps the
     * tokens beside it as alternatives, so its rank among them is recorded with it ({@link #rank}).
     */
    PICKED;

    /** The token's rank among its alternatives (1 = the likeliest), or 0 when it has none or no logprob. */
    public static int rank(TokenRun run, int index) {
        double lp = run.logprob(index);
        if (Double.isNaN(lp) || run.alternativeCount(index) == 0) {
            return 0;
        }
        int rank = 1;
        for (int a = 0; a < run.alternativeCount(index); a++) {
            if (run.alternative(index, a).logprob() > lp) {
                rank++;
            }
        }
        return rank;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Origin parse(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
}
