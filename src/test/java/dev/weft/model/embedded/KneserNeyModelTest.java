package dev.weft.model.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed values on a tiny corpus. Vocabulary 0..5 (5 never occurs), 0 is the separator:
 * <pre>
 *   0 3 1 1 1 2 1 3 1 1 2 4 2 3 3 0
 * </pre>
 * Every expected value below is worked out from the counts written in the comments, not by
 * the model's code.
 */
class KneserNeyModelTest {
    private static final int[] CORPUS = {0, 3, 1, 1, 1, 2, 1, 3, 1, 1, 2, 4, 2, 3, 3, 0};
    private static final int V = 6;
    private static final double EPS = 1e-12;

    /*
     * Unigram level of any order ≥ 2: continuation counts N1+(·w), the distinct left neighbours
     * (the stream start counts as one):
     *   0: {3, start} = 2    1: {1, 2, 3} = 3    2: {1, 4} = 2    3: {0, 1, 2, 3} = 4    4: {2} = 1    5: 0
     * total 12; count-of-counts n1..n4 = 1, 2, 1, 1: Y = 1/5, D1 = 1 − 2·(1/5)·2 = 0.2,
     * D2 = 2 − 3·(1/5)·(1/2) = 1.7, D3+ = 3 − 4·(1/5)·1 = 2.2
     * γ = (0.2·1 + 1.7·2 + 2.2·2) / 12 = 8/12 = 2/3, so each token gets (2/3)/6 = 1/9 from the uniform.
     */
    private static final double UNIFORM_SHARE = 1.0 / 9;
    private static final double P1_0 = (2 - 1.7) / 12 + UNIFORM_SHARE;
    private static final double P1_1 = (3 - 2.2) / 12 + UNIFORM_SHARE;
    private static final double P1_3 = (4 - 2.2) / 12 + UNIFORM_SHARE;
    private static final double P1_5 = UNIFORM_SHARE;

    @Test
    void bigramValuesMatchTheFormula() {
        KneserNeyModel model = KneserNeyModel.train(CORPUS, V, 2);
        /*
         * Bigram level, raw counts c(h w):
         *   0 → 3:1   1 → 1:3, 2:2, 3:1   2 → 1:1, 3:1, 4:1   3 → 0:1, 1:2, 3:1   4 → 2:1
         * n1..n4 = 8, 2, 1, 0: Y = 8/12 = 2/3, D1 = 1 − 2·(2/3)·(2/8) = 2/3, D2 = 2 − 3·(2/3)·(1/2) = 1,
         * D3+ = 3 − 4·(2/3)·(0/1) = 3
         */
        double d1 = 2.0 / 3;
        double d2 = 1;
        // context 3: c = 4, N1 = 2, N2 = 1, N3+ = 0 → γ = (2/3·2 + 1·1) / 4 = 7/12
        assertEquals((2 - d2) / 4 + 7.0 / 12 * P1_1, model.probability(new int[] {3}, 1), EPS);
        assertEquals((1 - d1) / 4 + 7.0 / 12 * P1_0, model.probability(new int[] {3}, 0), EPS);
        // context 1: c = 6, 1 → 1 seen 3 times loses D3+ = 3, all of it; γ = (2/3 + 1 + 3) / 6 = 7/9
        assertEquals(0 + 7.0 / 9 * P1_1, model.probability(new int[] {1}, 1), EPS);
        // context 4: c = 1, γ = (2/3) / 1; token 5 is never seen anywhere
        assertEquals(2.0 / 3 * P1_5, model.probability(new int[] {4}, 5), EPS);
        // context 5 never occurs: back off entirely to the unigram level
        assertEquals(P1_3, model.probability(new int[] {5}, 3), EPS);
        assertEquals(P1_3, model.probability(new int[0], 3), EPS);
    }

    @Test
    void trigramValuesUseContinuationCountsAndFallbackDiscounts() {
        KneserNeyModel model = KneserNeyModel.train(CORPUS, V, 3);
        /*
         * Trigram level (raw): context (3 3) → 0:1 only. Its n3 is 0 (the only counts are 1 and 2),
         * so D = fallback 0.5, 1, 1.5: γ(3 3) = 0.5·1 / 1 = 0.5.
         * Bigram level (continuation counts N1+(· h w), distinct left neighbours of each bigram):
         *   context 3 → 0: {3} = 1, 1: {0, 2} = 2, 3: {2} = 1; c = 4
         * its n1..n3 = 9, 2, 0 over all bigrams, so the fallback too: γ(3) = (0.5·2 + 1·1) / 4 = 0.5
         */
        double p2Of0 = (1 - 0.5) / 4 + 0.5 * P1_0;
        double p2Of1 = (2 - 1.0) / 4 + 0.5 * P1_1;
        assertEquals((1 - 0.5) / 1 + 0.5 * p2Of0, model.probability(new int[] {3, 3}, 0), EPS);
        assertEquals(0 + 0.5 * p2Of1, model.probability(new int[] {3, 3}, 1), EPS);
        assertEquals(Discounts.FALLBACK, model.discounts(3));
        assertEquals(Discounts.FALLBACK, model.discounts(2));
    }

    @Test
    void orderOneUsesRawCounts() {
        KneserNeyModel model = KneserNeyModel.train(CORPUS, V, 1);
        /*
         * Raw unigram counts: 0:2, 1:6, 2:3, 3:4, 4:1; total 16; n1..n4 = 1, 1, 1, 1:
         * Y = 1/3, D1 = 1 − 2/3 = 1/3, D2 = 2 − 1 = 1, D3+ = 3 − 4/3 = 5/3
         * γ = (1/3·1 + 1·1 + 5/3·3) / 16 = 19/48
         */
        double gamma = 19.0 / 48;
        assertEquals((4 - 5.0 / 3) / 16 + gamma / 6, model.probability(new int[] {2, 2}, 3), EPS);
        assertEquals((2 - 1.0) / 16 + gamma / 6, model.probability(new int[0], 0), EPS);
        assertEquals(gamma / 6, model.probability(new int[0], 5), EPS);
    }

    @Test
    void anUnseenContextBacksOffEntirelyToTheShorterOne() {
        KneserNeyModel model = KneserNeyModel.train(CORPUS, V, 3);
        // (4 3) never occurs, so the trigram level has nothing to say after it
        assertArrayEquals(model.distribution(new int[] {3}), model.distribution(new int[] {4, 3}));
        // tokens before the last order − 1 are ignored
        assertArrayEquals(model.distribution(new int[] {3, 3}), model.distribution(new int[] {5, 1, 3, 3}));
    }

    @Test
    void distributionsSumToOneForEveryOrderAndContext() {
        SplittableRandom random = new SplittableRandom(5);
        int[] corpus = random.ints(3000, 0, 40).map(x -> x % 7 == 0 ? x / 7 : x).toArray();
        for (int order = 1; order <= KneserNeyModel.MAX_ORDER; order++) {
            KneserNeyModel model = KneserNeyModel.train(corpus, 50, order);
            for (int trial = 0; trial < 30; trial++) {
                int start = random.nextInt(corpus.length - 5);
                int[] context = java.util.Arrays.copyOfRange(corpus, start, start + random.nextInt(0, 5));
                if (trial % 3 == 0 && context.length > 0) {
                    context[0] = 49; // never in the corpus: forces backoff
                }
                double[] p = model.distribution(context);
                assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-12, "order " + order);
                assertTrue(java.util.Arrays.stream(p).allMatch(x -> x > 0), "every token is possible");
            }
        }
    }

    @Test
    void singleProbabilitiesEqualTheDistributionExactly() {
        KneserNeyModel model = KneserNeyModel.train(CORPUS, V, 4);
        int[][] contexts = {{}, {0}, {3, 1}, {1, 1, 2}, {2, 4, 2}, {5, 5, 5}};
        for (int[] context : contexts) {
            double[] p = model.distribution(context);
            for (int w = 0; w < V; w++) {
                assertEquals(p[w], model.probability(context, w), 0.0);
                assertEquals(Math.log(p[w]), model.logprob(context, w), 0.0);
            }
        }
    }

    @Test
    void tablesHoldEveryGramOfTheStream() {
        KneserNeyModel model = KneserNeyModel.train(CORPUS, V, 3);
        assertEquals(5, model.ngramCount(1)); // 0..4
        assertEquals(11, model.ngramCount(2));
        assertEquals(12, model.ngramCount(3));
    }

    @Test
    void aStreamShorterThanTheOrderStillGivesADistribution() {
        KneserNeyModel model = KneserNeyModel.train(new int[] {0, 1, 0}, 3, 5);
        assertEquals(0, model.ngramCount(5));
        assertEquals(1.0, java.util.Arrays.stream(model.distribution(new int[] {0, 1})).sum(), EPS);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> KneserNeyModel.train(CORPUS, V, 0));
        assertThrows(IllegalArgumentException.class, () -> KneserNeyModel.train(CORPUS, V, 6));
        assertThrows(IllegalArgumentException.class, () -> KneserNeyModel.train(CORPUS, 4, 2));
        assertThrows(IllegalArgumentException.class, () -> KneserNeyModel.train(new int[0], V, 2));
        assertThrows(IllegalArgumentException.class, () -> KneserNeyModel.train(CORPUS, 70_000, 2));
    }
}
