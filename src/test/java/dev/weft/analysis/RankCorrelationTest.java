package dev.weft.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {
    @Test
    void sameOrderIsOneReversedIsMinusOne() {
        double[] rising = {0.1, 0.2, 0.3, 0.4};
        assertEquals(1, RankCorrelation.spearman(rising, new double[] {1, 5, 6, 100}), 1e-12);
        assertEquals(-1, RankCorrelation.spearman(rising, new double[] {4, 3, 2, 1}), 1e-12);
    }

    @Test
    void tiesShareTheirMeanRank() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankCorrelation.ranks(new double[] {1, 2, 2, 3}));
        // ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): 4.5 / sqrt(4.5 * 5)
        double[] tied = {1, 2, 2, 3};
        assertEquals(4.5 / Math.sqrt(22.5), RankCorrelation.spearman(tied, new double[] {1, 2, 3, 4}), 1e-12);
    }

    @Test
    void undefinedCasesAreNaN() {
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1}, new double[] {1})));
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1, 2}, new double[] {1, 2, 3})));
    }
}
