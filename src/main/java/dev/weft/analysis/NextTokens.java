package dev.weft.analysis;

import dev.weft.loom.Piece;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.model.embedded.EmbeddedModel;
import java.util.List;

/**
 * The model's most likely next tokens after a context: the one question a multiverse asks, at
 * every node. An empty answer means the backend showed no next token there (it ended the text).
 */
@FunctionalInterface
public interface NextTokens {

    /** Up to {@code k} next tokens, most likely first. */
    List<NextToken> after(Prompt context, int k) throws ModelException;

    /** The answers for several contexts, in order; a backend that can asks them in parallel. */
    default List<List<NextToken>> afterEach(List<Prompt> contexts, int k) throws ModelException {
        List<List<NextToken>> out = new java.util.ArrayList<>(contexts.size());
        for (Prompt context : contexts) {
            out.add(after(context, k));
        }
        return out;
    }

    /** False when a context that ends inside a character cannot be asked about (a text API). */
    default boolean takesPartialCharacters() {
        return true;
    }

    /**
     * @param piece    the token's text
     * @param logprob  the model's logprob of it after the context
     * @param endsText true for the end-of-text token: nothing follows it, so it is not expanded
     */
    record NextToken(Piece piece, double logprob, boolean endsText) {
        public double probability() {
            return Math.exp(logprob);
        }
    }

    /** Exact distributions from the embedded model, else the top-k a backend reports for one greedy token. */
    static NextTokens of(LanguageModel model) {
        if (model instanceof EmbeddedModel embedded) {
            return new EmbeddedNextTokens(embedded);
        }
        if (model instanceof dev.weft.model.BatchedModel batched) {
            return new BatchedNextTokens(batched);
        }
        return new ReportedNextTokens(model);
    }
}
