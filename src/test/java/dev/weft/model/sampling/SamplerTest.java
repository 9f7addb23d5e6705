package dev.weft.model.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.SamplingParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final double[] P = {0.05, 0.5, 0.15, 0.3};
    private static final SamplingParams SEEDED = SamplingParams.DEFAULTS.withSeed(42L);

    private static List<Integer> draws(Sampler sampler, double[] p, int count) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(sampler.next(p));
        }
        return ids;
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        List<Integer> first = draws(Sampler.forChoices(SEEDED).get(0), P, 200);
        assertEquals(first, draws(Sampler.forChoices(SEEDED).get(0), P, 200));
        assertNotEquals(first, draws(Sampler.forChoices(SEEDED.withSeed(43L)).get(0), P, 200));
    }

    @Test
    void eachChoiceHasItsOwnStreamAndChoiceZeroDoesNotDependOnN() {
        List<Sampler> three = Sampler.forChoices(SEEDED.withN(3));
        assertEquals(3, three.size());
        List<Integer> first = draws(three.get(0), P, 200);
        assertNotEquals(first, draws(three.get(1), P, 200));
        assertNotEquals(draws(three.get(1), P, 200), draws(three.get(2), P, 200));
        assertEquals(first, draws(Sampler.forChoices(SEEDED).get(0), P, 200));
    }

    @Test
    void withoutASeedDrawsAreFresh() {
        SamplingParams unseeded = SamplingParams.DEFAULTS;
        List<Integer> first = draws(Sampler.forChoices(unseeded).get(0), P, 200);
        assertNotEquals(first, draws(Sampler.forChoices(unseeded).get(0), P, 200));
    }

    @Test
    void temperatureZeroAlwaysDrawsTheArgmax() {
        Sampler greedy = Sampler.forChoices(SEEDED.withTemperature(0)).get(0);
        assertTrue(draws(greedy, new double[] {0.2, 0.4, 0.4}, 50).stream().allMatch(id -> id == 1));
    }

    @Test
    void drawFrequenciesFollowTheFilteredDistribution() {
        SamplingParams params = SEEDED.withTopK(3).withTemperature(0.8);
        double[] expected = SamplingFilter.apply(P, params);
        Sampler sampler = Sampler.forChoices(params).get(0);
        int n = 100_000;
        int[] seen = new int[P.length];
        for (int i = 0; i < n; i++) {
            seen[sampler.next(P)]++;
        }
        assertEquals(0, seen[0], "top-k 3 drops id 0");
        for (int id = 1; id < P.length; id++) {
            // five standard deviations of a binomial count
            double sd = Math.sqrt(n * expected[id] * (1 - expected[id]));
            assertEquals(n * expected[id], seen[id], 5 * sd, "id " + id);
        }
    }

    @Test
    void drawSkipsZeroWeightsAndSurvivesRounding() {
        double[] w = {0, 0.5, 0, 0.5, 0};
        assertEquals(1, Sampler.draw(w, 0.0));
        assertEquals(3, Sampler.draw(w, 0.5));
        assertEquals(3, Sampler.draw(w, 1.0));
    }
}
