package dev.weft.model.embedded;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import dev.weft.model.sampling.Sampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One choice of a generate request while it grows: its token history, its text so far, its sampler. */
final class CompletionInProgress {
    private final int choice;
    private final Sampler sampler;
    private int[] history;
    private int historyLength;
    private byte[] text = new byte[64];
    private int textLength;
    private final List<Token> tokens = new ArrayList<>();
    private FinishReason finish = FinishReason.RUNNING;

    /** Starts after {@code context}, the prompt's ids as the model sees them. */
    CompletionInProgress(int choice, Sampler sampler, int[] context, int maxTokens) {
        this.choice = choice;
        this.sampler = sampler;
        this.history = Arrays.copyOf(context, context.length + Math.min(maxTokens, 1024));
        this.historyLength = context.length;
    }

    int choice() {
        return choice;
    }

    Sampler sampler() {
        return sampler;
    }

    /** Prompt ids then generated ids; only the first {@link #historyLength()} are meaningful. */
    int[] history() {
        return history;
    }

    int historyLength() {
        return historyLength;
    }

    boolean isRunning() {
        return finish == FinishReason.RUNNING;
    }

    /** True when this token's bytes would make one of the stop strings appear in the generated text. */
    boolean wouldComplete(StopStrings stops, byte[] tokenBytes) {
        return stops.completedBy(text, textLength, tokenBytes);
    }

    void append(int id, Token token, byte[] tokenBytes) {
        if (historyLength == history.length) {
            history = Arrays.copyOf(history, history.length * 2);
        }
        history[historyLength++] = id;
        if (textLength + tokenBytes.length > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + tokenBytes.length));
        }
        System.arraycopy(tokenBytes, 0, text, textLength, tokenBytes.length);
        textLength += tokenBytes.length;
        tokens.add(token);
    }

    /** Ends the choice with {@code reason} unless it has already ended. */
    void finish(FinishReason reason) {
        if (isRunning()) {
            finish = reason;
        }
    }

    Completion completion() {
        return new Completion(tokens, finish);
    }
}
