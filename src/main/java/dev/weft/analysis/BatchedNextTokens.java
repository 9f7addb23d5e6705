package dev.weft.analysis;

import dev.weft.model.BatchedModel;
import dev.weft.model.Continuation;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import java.util.ArrayList;
import java.util.List;

/** Next tokens from a model that computes a whole multiverse level in one batch. */
final class BatchedNextTokens implements NextTokens {
    private final BatchedModel model;

    BatchedNextTokens(BatchedModel model) {
        this.model = model;
    }

    @Override
    public List<NextToken> after(Prompt context, int k) throws ModelException {
        return afterEach(List.of(context), k).get(0);
    }

    @Override
    public List<List<NextToken>> afterEach(List<Prompt> contexts, int k) throws ModelException {
        List<List<NextToken>> out = new ArrayList<>(contexts.size());
        for (List<Continuation> answer : model.nextTokens(contexts, k)) {
            List<NextToken> tokens = new ArrayList<>(answer.size());
            for (Continuation c : answer) {
                tokens.add(new NextToken(c.piece(), c.logprob(), c.endsText()));
            }
            out.add(tokens);
        }
        return out;
    }
}
