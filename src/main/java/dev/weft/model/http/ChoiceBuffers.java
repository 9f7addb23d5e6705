package dev.weft.model.http;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import dev.weft.model.TokenSink;
import java.util.ArrayList;
import java.util.List;

/**
 * The choices of one request as they grow: each token goes to the sink the moment it is added,
 * so the tree holds it even if the request later fails.
 */
final class ChoiceBuffers {
    private final List<List<Token>> tokens = new ArrayList<>();
    private final FinishReason[] finish;
    private final int choiceOffset;
    private final TokenSink sink;
    private boolean anyUnscored;

    /** @param choiceOffset the sink index of this request's first choice (parallel requests each have one) */
    ChoiceBuffers(int count, int choiceOffset, TokenSink sink) {
        for (int i = 0; i < count; i++) {
            tokens.add(new ArrayList<>());
        }
        this.finish = new FinishReason[count];
        java.util.Arrays.fill(finish, FinishReason.RUNNING);
        this.choiceOffset = choiceOffset;
        this.sink = sink;
    }

    void add(ChoiceDelta delta) throws LayoutException {
        int i = delta.index();
        if (i < 0 || i >= tokens.size()) {
            throw new LayoutException("choice index " + i + " is out of range (asked for " + tokens.size() + ")");
        }
        for (Token t : delta.tokens()) {
            tokens.get(i).add(t);
            anyUnscored |= !t.isScored();
            sink.accept(choiceOffset + i, t);
        }
        if (delta.finish() != FinishReason.RUNNING) {
            finish[i] = delta.finish();
        }
    }

    /** Every choice still running is ended with {@code reason}. */
    void endRunning(FinishReason reason) {
        for (int i = 0; i < finish.length; i++) {
            if (finish[i] == FinishReason.RUNNING) {
                finish[i] = reason;
            }
        }
    }

    boolean anyRunning() {
        for (FinishReason f : finish) {
            if (f == FinishReason.RUNNING) {
                return true;
            }
        }
        return false;
    }

    int tokenCount() {
        return tokens.stream().mapToInt(List::size).sum();
    }

    boolean anyUnscored() {
        return anyUnscored;
    }

    List<Completion> completions() {
        List<Completion> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            out.add(new Completion(tokens.get(i), finish[i]));
        }
        return out;
    }
}
