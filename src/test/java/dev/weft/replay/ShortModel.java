package dev.weft.replay;

import dev.weft.loom.FinishReason;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Cancellation;
import dev.weft.model.Capabilities;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import dev.weft.model.TokenSink;
import java.util.List;

/** Another model's completions cut to {@code limit} tokens, as if it stopped early. */
final class ShortModel implements LanguageModel {
    private final LanguageModel inner;
    private final int limit;

    ShortModel(LanguageModel inner, int limit) {
        this.inner = inner;
        this.limit = limit;
    }

    @Override
    public String backend() {
        return inner.backend();
    }

    @Override
    public String model() {
        return inner.model() + "-short";
    }

    @Override
    public Capabilities capabilities() {
        return inner.capabilities();
    }

    @Override
    public List<Completion> generate(Prompt prompt, SamplingParams params, TokenSink sink, Cancellation cancel)
            throws ModelException {
        return inner.generate(prompt, params.withMaxTokens(Math.min(limit, params.maxTokens())), sink, cancel).stream()
                .map(c -> new Completion(c.tokens(), FinishReason.STOP)).toList();
    }

    @Override
    public Scoring score(Prompt prompt, String continuation, int topLogprobs) throws ModelException {
        return inner.score(prompt, continuation, topLogprobs);
    }
}
