package dev.weft.model.embedded;

/**
 * The modified Kneser–Ney discounts of one level (Chen &amp; Goodman 1998): how much count is
 * taken from an n-gram seen once ({@code d1}), twice ({@code d2}) or three or more times
 * ({@code d3plus}) and handed to the shorter context.
 */
record Discounts(double d1, double d2, double d3plus) {
    /**
     * KenLM's fallback, used when the count-of-counts cannot support the estimate: one of
     * n1, n2, n3 is zero (a formula divides by it) or an estimate falls outside [0, k] for D_k
     * (a discount above k would make probabilities negative). Tiny corpora hit this; a corpus
     * of real text does not.
     */
    static final Discounts FALLBACK = new Discounts(0.5, 1.0, 1.5);

    /** Estimates from n_k, the number of n-grams of the level with count exactly k. */
    static Discounts estimate(long n1, long n2, long n3, long n4) {
        if (n1 == 0 || n2 == 0 || n3 == 0) {
            return FALLBACK;
        }
        double y = n1 / (n1 + 2.0 * n2);
        double d1 = 1 - 2 * y * n2 / n1;
        double d2 = 2 - 3 * y * n3 / n2;
        double d3plus = 3 - 4 * y * n4 / n3;
        boolean inRange = d1 >= 0 && d1 <= 1 && d2 >= 0 && d2 <= 2 && d3plus >= 0 && d3plus <= 3;
        return inRange ? new Discounts(d1, d2, d3plus) : FALLBACK;
    }

    /** The discount for an n-gram with this (positive) count. */
    double of(int count) {
        return count == 1 ? d1 : count == 2 ? d2 : d3plus;
    }
}
