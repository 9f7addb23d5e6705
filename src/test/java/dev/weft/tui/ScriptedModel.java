package dev.weft.tui;

import dev.weft.loom.FinishReason;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Cancellation;
import dev.weft.model.Capabilities;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import dev.weft.model.TokenSink;
import java.util.ArrayList;
import java.util.List;

/** Answers every request with the same tokens, streamed one by one. */
public final class ScriptedModel implements LanguageModel {
    private final List<Token> tokens;

    public ScriptedModel(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    @Override
    public String backend() {
        return "scripted";
    }

    @Override
    public String model() {
        return "script";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(5, false, true, true, false, false);
    }

    @Override
    public List<Completion> generate(Prompt prompt, SamplingParams params, TokenSink sink, Cancellation cancel) {
        List<Completion> out = new ArrayList<>();
        for (int choice = 0; choice < params.n(); choice++) {
            for (Token t : tokens) {
                sink.accept(choice, t);
            }
            out.add(new Completion(tokens, FinishReason.STOP));
        }
        return out;
    }
}
