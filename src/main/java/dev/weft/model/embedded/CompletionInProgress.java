package dev.weft.model.embedded;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Token;
import dev.weft.loom.Utf8;
import dev.weft.model.Completion;
import dev.weft.model.sampling.Sampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One choice of a generate request while it grows: its token history, its text so far, its sampler. */
final class CompletionInProgress {
    private final int choice;
    private final Sampler sampler;
    private final byte[] promptTail;
    private final int maxTokens;
    private int[] history;
    private int historyLength;
    private byte[] text = new byte[64];
    private int textLength;
    private final List<Token> tokens = new ArrayList<>();
    private FinishReason finish = FinishReason.RUNNING;

    /**
     * Starts after {@code context}, the prompt's ids as the model sees them; {@code promptTail}
     * holds the bytes of a character the prompt left unfinished (usually none).
     */
    CompletionInProgress(int choice, Sampler sampler, int[] context, byte[] promptTail, int maxTokens) {
        this.choice = choice;
        this.promptTail = promptTail;
        this.maxTokens = maxTokens;
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

    /** Continuation bytes the text still needs to finish its last character (0 when it is complete). */
    int pendingContinuationBytes() {
        byte[] recent = recentBytes();
        int open = Utf8.incompleteTail(recent, recent.length);
        return open == 0 ? 0 : Utf8.sequenceLength(recent[recent.length - open]) - open;
    }

    /**
     * True when the token's bytes keep the text valid UTF-8. A character may still be open after
     * it, except at the last token a completion may have: a completion never ends inside a
     * character. The prompt's unfinished character, if it ends inside one, counts as the text before.
     */
    boolean continuesValidly(byte[] tokenBytes) {
        boolean last = tokens.size() == maxTokens - 1;
        byte[] recent = recentBytes();
        if (!Utf8.continuesValidly(recent, recent.length, tokenBytes)) {
            return false;
        }
        if (!last) {
            return true;
        }
        byte[] joined = Arrays.copyOf(recent, recent.length + tokenBytes.length);
        System.arraycopy(tokenBytes, 0, joined, recent.length, tokenBytes.length);
        return Utf8.incompleteTail(joined, joined.length) == 0;
    }

    /** The last few bytes of the text, reaching into the prompt's unfinished character if needed. */
    private byte[] recentBytes() {
        byte[] recent = new byte[Math.min(3, promptTail.length + textLength)];
        for (int i = recent.length - 1, k = textLength - 1; i >= 0; i--, k--) {
            recent[i] = k >= 0 ? text[k] : promptTail[promptTail.length + k];
        }
        return recent;
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
