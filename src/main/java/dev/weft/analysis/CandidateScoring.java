package dev.weft.analysis;

import dev.weft.analysis.NextTokens.NextToken;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import java.util.ArrayList;
import java.util.List;

/**
 * The probability of each candidate answer as the continuation of a prompt. A backend that scores
 * text gives it exactly, by the chain rule over the candidate's tokens (the probability that the
 * continuation starts with them). Any other backend is asked for one next token with as many
 * alternatives as it reports, and a candidate is looked up among them by its text.
 */
public final class CandidateScoring {
    private CandidateScoring() {}

    /**
     * @param prefix text between the prompt and each candidate, e.g. " " so that "42" is scored as
     *               " 42", the way a tokenizer with leading spaces spells a word after a word
     */
    public static CandidateDistribution score(LanguageModel model, Prompt prompt, List<String> candidates,
                                              String prefix) throws ModelException {
        if (model.capabilities().scoresText()) {
            return exact(model, prompt, candidates, prefix);
        }
        return fromTopK(new ReportedNextTokens(model), model.capabilities().maxTopLogprobs(), prompt, candidates,
                prefix);
    }

    static CandidateDistribution exact(LanguageModel model, Prompt prompt, List<String> candidates, String prefix)
            throws ModelException {
        List<CandidateProbability> out = new ArrayList<>(candidates.size());
        List<dev.weft.model.Scoring> batch = null;
        if (model instanceof dev.weft.model.BatchedModel batched) {
            // one shared prompt, all candidates' tokens side by side
            batch = batched.scoreEach(prompt, candidates.stream().map(c -> prefix + c).toList(), 0);
        }
        for (int i = 0; i < candidates.size(); i++) {
            String candidate = candidates.get(i);
            String continuation = prefix + candidate;
            double logprob = batch != null ? batch.get(i).logprob() : model.score(prompt, continuation, 0).logprob();
            out.add(CandidateProbability.exact(candidate, continuation, Math.exp(logprob)));
        }
        return new CandidateDistribution(out);
    }

    /** Looks each candidate up among the {@code k} reported next tokens. */
    static CandidateDistribution fromTopK(NextTokens next, int k, Prompt prompt, List<String> candidates,
                                          String prefix) throws ModelException {
        List<NextToken> reported = next.after(prompt, k);
        double leastReported = reported.stream().mapToDouble(NextToken::probability).min().orElse(1);
        List<CandidateProbability> out = new ArrayList<>(candidates.size());
        for (String candidate : candidates) {
            String continuation = prefix + candidate;
            out.add(lookUp(candidate, continuation, reported, leastReported));
        }
        return new CandidateDistribution(out);
    }

    private static CandidateProbability lookUp(String candidate, String continuation, List<NextToken> reported,
                                               double leastReported) {
        boolean prefixReported = false;
        for (NextToken token : reported) {
            String text = token.piece().text();
            if (text.equals(continuation)) {
                return new CandidateProbability(candidate, continuation, token.probability(),
                        CandidateEstimate.LOWER_BOUND, Double.NaN);
            }
            prefixReported |= !text.isEmpty() && continuation.startsWith(text);
        }
        return prefixReported
                ? new CandidateProbability(candidate, continuation, 0, CandidateEstimate.UNKNOWN, Double.NaN)
                : new CandidateProbability(candidate, continuation, 0, CandidateEstimate.BELOW_TOP_K, leastReported);
    }
}
