package dev.weft.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The probabilities a model gives a set of candidate answers (the essay's "random" integers
 * 0..100), with the figures that show how peaked it is.
 */
public record CandidateDistribution(List<CandidateProbability> candidates) {
    private static final double LN2 = Math.log(2);

    public CandidateDistribution {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates");
        }
    }

    /** The mass the model puts on the candidates together (of the known probabilities). */
    public double totalMass() {
        double sum = 0;
        for (CandidateProbability c : candidates) {
            sum += c.probability();
        }
        return sum;
    }

    /** True when every probability is exact; else the figures are over what the backend reported. */
    public boolean isExact() {
        return candidates.stream().allMatch(c -> c.estimate() == CandidateEstimate.EXACT);
    }

    /** The most probable candidate (the first, on a tie). */
    public CandidateProbability top() {
        CandidateProbability best = candidates.get(0);
        for (CandidateProbability c : candidates) {
            if (c.probability() > best.probability()) {
                best = c;
            }
        }
        return best;
    }

    /** Most probable first; candidate order among equals. */
    public List<CandidateProbability> ranked() {
        List<CandidateProbability> out = new ArrayList<>(candidates);
        out.sort(Comparator.comparingDouble(CandidateProbability::probability).reversed());
        return out;
    }

    /** Entropy in bits of the distribution renormalised over the candidates; NaN when it has no mass. */
    public double entropyBits() {
        double mass = totalMass();
        if (mass <= 0) {
            return Double.NaN;
        }
        double h = 0;
        for (CandidateProbability c : candidates) {
            if (c.probability() > 0) {
                double q = c.probability() / mass;
                h -= q * Math.log(q);
            }
        }
        return h / LN2;
    }

    /** The entropy of a uniform choice among the candidates: log2 of their number. */
    public double maxEntropyBits() {
        return Math.log(candidates.size()) / LN2;
    }

    /** Entropy over its uniform maximum: 1 = every candidate equally likely, 0 = one candidate only. */
    public double entropyRatio() {
        return candidates.size() < 2 ? Double.NaN : entropyBits() / maxEntropyBits();
    }

    public double[] probabilities() {
        double[] out = new double[candidates.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = candidates.get(i).probability();
        }
        return out;
    }
}
