package dev.weft.analysis;

import dev.weft.model.Prompt;
import dev.weft.model.embedded.EmbeddedModel;
import dev.weft.model.embedded.Gpt2Tokenizer;
import dev.weft.model.sampling.Ranking;
import java.util.ArrayList;
import java.util.List;

/**
 * Next tokens from the embedded model's exact distribution. Unlike a generate call, this also
 * shows the alternatives where the end of text is the most likely token, and knows which token
 * ends the text. The context is read as the model reads a prompt: the start of a document.
 */
final class EmbeddedNextTokens implements NextTokens {
    private final EmbeddedModel model;

    EmbeddedNextTokens(EmbeddedModel model) {
        this.model = model;
    }

    @Override
    public List<NextToken> after(Prompt context, int k) {
        int[] ids = model.tokenizer().encode(context);
        int[] history = new int[ids.length + 1];
        history[0] = Gpt2Tokenizer.END_OF_TEXT;
        System.arraycopy(ids, 0, history, 1, ids.length);
        double[] probabilities = model.ngrams().distribution(history);
        List<NextToken> out = new ArrayList<>(k);
        for (int id : Ranking.top(probabilities, k)) {
            out.add(new NextToken(model.tokenizer().piece(id), Math.log(probabilities[id]),
                    id == Gpt2Tokenizer.END_OF_TEXT));
        }
        return out;
    }
}
