package dev.weft.model.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RankingTest {
    @Test
    void argmaxBreaksTiesTowardsTheLowestId() {
        assertEquals(1, Ranking.argmax(new double[] {0.1, 0.4, 0.1, 0.4}));
        assertEquals(0, Ranking.argmax(new double[] {0.25, 0.25, 0.25, 0.25}));
    }

    @Test
    void topOrdersByProbabilityThenId() {
        double[] p = {0.1, 0.3, 0.05, 0.3, 0.25};
        assertArrayEquals(new int[] {1, 3, 4}, Ranking.top(p, 3));
        assertArrayEquals(new int[] {1, 3, 4, 0, 2}, Ranking.top(p, 10));
        assertArrayEquals(new int[0], Ranking.top(p, 0));
    }

    @Test
    void topAgreesWithAFullSortOnRandomVectorsWithManyTies() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            double[] p = random.doubles(random.nextInt(1, 300)).map(x -> Math.floor(x * 8) / 8).toArray();
            int k = random.nextInt(1, p.length + 2);
            int[] expected = IntStream.range(0, p.length).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -p[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, Ranking.top(p, k), () -> Arrays.toString(p) + " k=" + k);
        }
    }
}
