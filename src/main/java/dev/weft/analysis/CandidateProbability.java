package dev.weft.analysis;

/**
 * One candidate answer and the probability that the model continues the prompt with it.
 *
 * @param candidate    as the user gave it, e.g. "42"
 * @param continuation the text scored after the prompt, e.g. " 42"
 * @param probability  the known probability: exact, a lower bound, or 0 when below the top-k or unknown
 * @param atMost       for {@link CandidateEstimate#BELOW_TOP_K}, the least likely reported token's
 *                     probability, which this candidate's is below; NaN otherwise
 */
public record CandidateProbability(String candidate, String continuation, double probability,
                                   CandidateEstimate estimate, double atMost) {

    public static CandidateProbability exact(String candidate, String continuation, double probability) {
        return new CandidateProbability(candidate, continuation, probability, CandidateEstimate.EXACT, Double.NaN);
    }
}
