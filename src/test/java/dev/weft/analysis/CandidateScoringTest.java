package dev.weft.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.model.Prompt;
import dev.weft.model.embedded.EmbeddedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CandidateScoringTest {
    private static final String PROMPT = "Q: Tell me a random integer between 0 and 100.\nA: Ok, the integer is";

    /** 97 is the favourite; " 1" then "00" spells 100 in two tokens. */
    private static TableModel numbers(boolean scoresText) {
        return new TableModel(scoresText)
                .after(PROMPT, " 97", 0.5, " 42", 0.25, " 1", 0.125, " 7", 0.0625, " 3", 0.0625)
                .after(PROMPT + " 1", "00", 0.5, ".", 0.5);
    }

    @Test
    void exactScoresFollowTheChainRule() throws Exception {
        CandidateDistribution d = CandidateScoring.score(numbers(true), Prompt.of(PROMPT),
                List.of("97", "42", "100", "5"), " ");
        assertEquals(List.of(0.5, 0.25, 0.0625, 0.0), probabilities(d));
        assertTrue(d.isExact());
        assertEquals(" 100", d.candidates().get(2).continuation());
        assertEquals("97", d.top().candidate());
        assertEquals(0.8125, d.totalMass(), 1e-12);
        double q1 = 0.5 / 0.8125;
        double q2 = 0.25 / 0.8125;
        double q3 = 0.0625 / 0.8125;
        double h = -(q1 * log2(q1) + q2 * log2(q2) + q3 * log2(q3));
        assertEquals(h, d.entropyBits(), 1e-12);
        assertEquals(2, d.maxEntropyBits(), 1e-12);
        assertEquals(h / 2, d.entropyRatio(), 1e-12);
        assertEquals(List.of("97", "42", "100", "5"),
                d.ranked().stream().map(CandidateProbability::candidate).toList());
    }

    @Test
    void knownDistributionsHaveKnownEntropy() {
        CandidateDistribution uniform = distribution(0.25, 0.25, 0.25, 0.25);
        assertEquals(2, uniform.entropyBits(), 1e-12);
        assertEquals(1, uniform.entropyRatio(), 1e-12);
        CandidateDistribution skewed = distribution(0.5, 0.25, 0.125, 0.125);
        assertEquals(1.75, skewed.entropyBits(), 1e-12);
        assertEquals(0.875, skewed.entropyRatio(), 1e-12);
        CandidateDistribution halfMass = distribution(0.25, 0.25);
        assertEquals(1, halfMass.entropyBits(), 1e-12, "renormalised over the candidates");
        assertEquals(0, distribution(1, 0).entropyBits(), 1e-12);
    }

    @Test
    void withoutScoringCandidatesAreLookedUpInTheTopK() throws Exception {
        CandidateDistribution d = CandidateScoring.score(numbers(false), Prompt.of(PROMPT),
                List.of("97", "3", "5", "100"), " ");
        CandidateProbability favourite = d.candidates().get(0);
        assertEquals(CandidateEstimate.LOWER_BOUND, favourite.estimate());
        assertEquals(0.5, favourite.probability(), 1e-12);
        assertEquals(0.0625, d.candidates().get(1).probability(), 1e-12);
        CandidateProbability unseen = d.candidates().get(2);
        assertEquals(CandidateEstimate.BELOW_TOP_K, unseen.estimate());
        assertEquals(0, unseen.probability());
        assertEquals(0.0625, unseen.atMost(), 1e-12, "below the least likely reported token");
        CandidateProbability multiToken = d.candidates().get(3);
        assertEquals(CandidateEstimate.UNKNOWN, multiToken.estimate(), "' 1' is reported and may begin ' 100'");
        assertFalse(d.isExact());
    }

    @Test
    void embeddedIntegersAreExactAndSumBelowOne() throws Exception {
        EmbeddedModel model = EmbeddedModels.europarl();
        List<String> integers = IntStream.rangeClosed(0, 100).mapToObj(Integer::toString).toList();
        CandidateDistribution d = CandidateScoring.score(model, Prompt.of(PROMPT), integers, " ");
        assertEquals(101, d.candidates().size());
        assertTrue(d.isExact());
        assertTrue(d.totalMass() > 0 && d.totalMass() < 1, "mass " + d.totalMass());
        assertTrue(d.entropyRatio() > 0 && d.entropyRatio() < 1);
        double single = Math.exp(model.score(Prompt.of(PROMPT), " 42", 0).logprob());
        assertEquals(single, d.candidates().get(42).probability(), 1e-15);
    }

    private static CandidateDistribution distribution(double... p) {
        List<CandidateProbability> out = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            out.add(CandidateProbability.exact("c" + i, " c" + i, p[i]));
        }
        return new CandidateDistribution(out);
    }

    private static List<Double> probabilities(CandidateDistribution d) {
        return d.candidates().stream().map(CandidateProbability::probability).toList();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
