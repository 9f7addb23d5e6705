package dev.weft.analysis;

import dev.weft.loom.Alternative;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import java.util.ArrayList;
import java.util.List;

/**
 * Next tokens as any backend reports them: one greedy token with its top-k alternatives. When the
 * backend ends the text instead of producing a token, it reports no alternatives either, so the
 * answer is empty. Alternatives with sentinel logprobs ("not in the top-k") are left out.
 */
final class ReportedNextTokens implements NextTokens {
    private final LanguageModel model;

    ReportedNextTokens(LanguageModel model) {
        this.model = model;
    }

    @Override
    public List<NextToken> after(Prompt context, int k) throws ModelException {
        return afterEach(List.of(context), k).get(0);
    }

    /** One greedy token per context, the requests in flight together as the backend bounds them. */
    @Override
    public List<List<NextToken>> afterEach(List<Prompt> contexts, int k) throws ModelException {
        int reported = model.capabilities().cappedTopLogprobs(k);
        SamplingParams oneGreedyToken = SamplingParams.DEFAULTS.withTemperature(0).withMaxTokens(1)
                .withTopLogprobs(reported);
        List<Completion> completions = model.generateEach(contexts, oneGreedyToken);
        List<List<NextToken>> out = new ArrayList<>(completions.size());
        for (Completion c : completions) {
            out.add(next(c, k));
        }
        return out;
    }

    @Override
    public boolean takesPartialCharacters() {
        return model.takesPartialCharacters();
    }

    private static List<NextToken> next(Completion completion, int k) {
        if (completion.tokens().isEmpty()) {
            return List.of();
        }
        Token token = completion.tokens().get(0);
        List<NextToken> out = new ArrayList<>(token.top().size());
        for (Alternative alternative : token.top()) {
            if (Double.isFinite(alternative.logprob()) && out.size() < k) {
                out.add(new NextToken(alternative.piece(), alternative.logprob(), false));
            }
        }
        if (out.isEmpty() && token.isScored()) {
            out.add(new NextToken(token.piece(), token.logprob(), false)); // a backend that reports no alternatives
        }
        return out;
    }
}
