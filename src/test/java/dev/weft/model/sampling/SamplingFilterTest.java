package dev.weft.model.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.SamplingParams;
import org.junit.jupiter.api.Test;

class SamplingFilterTest {
    private static final double EPS = 1e-12;
    private static final SamplingParams PLAIN = SamplingParams.DEFAULTS;
    private static final double[] P = {0.05, 0.5, 0.15, 0.3};

    @Test
    void temperatureZeroPutsAllMassOnTheArgmaxAndTiesGoToTheLowestId() {
        assertArrayEquals(new double[] {0, 1, 0, 0}, SamplingFilter.apply(P, PLAIN.withTemperature(0)));
        double[] tie = {0.2, 0.4, 0.4};
        assertArrayEquals(new double[] {0, 1, 0}, SamplingFilter.apply(tie, PLAIN.withTemperature(0)));
    }

    @Test
    void temperatureRaisesProbabilitiesToOneOverT() {
        // T = 0.5: p^2 renormalised; the squares sum to 0.0025 + 0.25 + 0.0225 + 0.09 = 0.365
        double[] sharp = SamplingFilter.apply(P, PLAIN.withTemperature(0.5));
        assertArrayEquals(new double[] {0.0025 / 0.365, 0.25 / 0.365, 0.0225 / 0.365, 0.09 / 0.365}, sharp, EPS);
        // T = 2: square roots renormalised
        double roots = Math.sqrt(0.05) + Math.sqrt(0.5) + Math.sqrt(0.15) + Math.sqrt(0.3);
        double[] flat = SamplingFilter.apply(P, PLAIN.withTemperature(2));
        assertEquals(Math.sqrt(0.05) / roots, flat[0], EPS);
        assertEquals(Math.sqrt(0.5) / roots, flat[1], EPS);
        assertTrue(sharp[1] > P[1] && flat[1] < P[1], "low T sharpens, high T flattens");
    }

    @Test
    void temperingAVocabularyOfRepeatedValuesMatchesTheDirectFormula() {
        // 3000 distinct values among 50k ids: more than the memo holds, so slots get reused
        double[] p = new java.util.SplittableRandom(11).doubles(50_000).map(x -> Math.floor(x * 3000) + 1).toArray();
        double total = java.util.Arrays.stream(p).sum();
        double roots = java.util.Arrays.stream(p).map(x -> Math.pow(x / total, 1 / 0.7)).sum();
        double[] tempered = SamplingFilter.apply(java.util.Arrays.stream(p).map(x -> x / total).toArray(),
                PLAIN.withTemperature(0.7));
        for (int i = 0; i < p.length; i++) {
            assertEquals(Math.pow(p[i] / total, 1 / 0.7) / roots, tempered[i], 1e-12 * tempered[i]);
        }
    }

    @Test
    void aTinyTemperatureStillLeavesTheTopTokenNonZero() {
        double[] sharp = SamplingFilter.apply(new double[] {1e-5, 2e-5, 0.99997}, PLAIN.withTemperature(0.001));
        assertArrayEquals(new double[] {0, 0, 1}, sharp, EPS);
    }

    @Test
    void topKKeepsExactlyTheKMostLikelyWithTiesToLowerIds() {
        assertArrayEquals(new double[] {0, 0.5 / 0.8, 0, 0.3 / 0.8}, SamplingFilter.apply(P, PLAIN.withTopK(2)), EPS);
        double[] tie = {0.3, 0.2, 0.3, 0.2};
        double[] expected = {0.3 / 0.8, 0.2 / 0.8, 0.3 / 0.8, 0};
        assertArrayEquals(expected, SamplingFilter.apply(tie, PLAIN.withTopK(3)), EPS);
    }

    @Test
    void topPKeepsTheSmallestMostLikelySetReachingTheMass() {
        // sorted: 0.5, 0.3, 0.15, 0.05; cumulative: 0.5, 0.8, 0.95, 1.0
        assertArrayEquals(new double[] {0, 1, 0, 0}, SamplingFilter.apply(P, PLAIN.withTopP(0.5)), EPS);
        assertArrayEquals(new double[] {0, 0.5 / 0.8, 0, 0.3 / 0.8}, SamplingFilter.apply(P, PLAIN.withTopP(0.7)), EPS);
        assertArrayEquals(new double[] {0, 0.5 / 0.95, 0.15 / 0.95, 0.3 / 0.95},
                SamplingFilter.apply(P, PLAIN.withTopP(0.9)), EPS);
    }

    @Test
    void topPWorksOnVocabularySizedFlatDistributions() {
        double[] flat = new double[50_000];
        java.util.Arrays.fill(flat, 1.0 / flat.length);
        double[] kept = SamplingFilter.apply(flat, PLAIN.withTopP(0.5));
        long nonZero = java.util.Arrays.stream(kept).filter(x -> x > 0).count();
        assertEquals(25_000, nonZero, 1);
        assertTrue(kept[0] > 0 && kept[flat.length - 1] == 0, "ties keep the lower ids");
    }

    @Test
    void minPDropsTokensBelowAFractionOfTheTopProbability() {
        // threshold 0.4 * 0.5 = 0.2: keeps 0.5 and 0.3
        assertArrayEquals(new double[] {0, 0.5 / 0.8, 0, 0.3 / 0.8}, SamplingFilter.apply(P, PLAIN.withMinP(0.4)), EPS);
        // exactly at the threshold stays: 0.3 * 0.5 = 0.15
        assertArrayEquals(new double[] {0, 0.5 / 0.95, 0.15 / 0.95, 0.3 / 0.95},
                SamplingFilter.apply(P, PLAIN.withMinP(0.3)), EPS);
    }

    @Test
    void filtersApplyInOrderTopKThenTopPOnTheRenormalisedRest() {
        // top-k 3 leaves 0.5, 0.3, 0.15 (mass 0.95); top-p 0.8 of that is 0.76: 0.5 + 0.3 = 0.8 reaches it
        double[] both = SamplingFilter.apply(P, PLAIN.withTopK(3).withTopP(0.8));
        assertArrayEquals(new double[] {0, 0.5 / 0.8, 0, 0.3 / 0.8}, both, EPS);
    }

    @Test
    void leavesTheModelsProbabilitiesUntouched() {
        double[] p = P.clone();
        SamplingFilter.apply(p, PLAIN.withTemperature(0.7).withTopK(2).withTopP(0.9).withMinP(0.1));
        assertArrayEquals(P, p);
    }

    @Test
    void identityOnlyWithoutAnyFilter() {
        assertTrue(SamplingFilter.isIdentity(PLAIN));
        assertTrue(!SamplingFilter.isIdentity(PLAIN.withTopK(40)));
        assertTrue(!SamplingFilter.isIdentity(PLAIN.withTemperature(0.9)));
    }
}
