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
    private final List<TextAlignment> alignments = new ArrayList<>();
    private final FinishReason[] finish;
    private final boolean alternativesAsked;
    private final int choiceOffset;
    private final TokenSink sink;
    private boolean anyUnscored;
    private int placeholders;

    /**
     * @param choiceOffset      the sink index of this request's first choice (parallel requests each have one)
     * @param alternativesAsked the request asked for at least one alternative per token
     */
    ChoiceBuffers(int count, int choiceOffset, TokenSink sink, boolean alternativesAsked) {
        for (int i = 0; i < count; i++) {
            tokens.add(new ArrayList<>());
            alignments.add(new TextAlignment());
        }
        this.alternativesAsked = alternativesAsked;
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
        if (finish[i] != FinishReason.RUNNING) {
            return; // a choice that has ended takes nothing more (llama.cpp's final event repeats the text)
        }
        List<Token> pieces = new ArrayList<>(delta.tokens().size());
        for (Token t : delta.tokens()) {
            pieces.add(unplaceholder(t));
        }
        emit(i, alignments.get(i).add(delta.text(), pieces));
        if (delta.finish() != FinishReason.RUNNING) {
            end(i, delta.finish());
        }
    }

    /** Every choice still running is ended with {@code reason}. */
    void endRunning(FinishReason reason) {
        for (int i = 0; i < finish.length; i++) {
            if (finish[i] == FinishReason.RUNNING) {
                end(i, reason);
            }
        }
    }

    private void end(int i, FinishReason reason) {
        emit(i, alignments.get(i).finish());
        finish[i] = reason;
    }

    private void emit(int i, List<Token> settled) {
        for (Token t : settled) {
            tokens.get(i).add(t);
            anyUnscored |= !t.isScored();
            sink.accept(choiceOffset + i, t);
        }
    }

    /**
     * With a draft model llama.cpp returns every drafted token as logprob 0.0 with no alternatives
     * (ggml-org/llama.cpp#27972): when alternatives were asked for, that is no score at all.
     */
    private Token unplaceholder(Token t) {
        if (alternativesAsked && t.logprob() == 0.0 && t.top().isEmpty()) {
            placeholders++;
            return new Token(t.piece(), Double.NaN, List.of());
        }
        return t;
    }

    /** Tokens that came back as logprob 0 without the alternatives asked for, now unscored. */
    int placeholders() {
        return placeholders;
    }

    /** Spans of the server's text whose token entries did not spell it, over all choices. */
    int markedSpans() {
        return alignments.stream().mapToInt(TextAlignment::markedSpans).sum();
    }

    /** Entries that covered none of the server's text (BOS, stop string), over all choices. */
    int droppedPieces() {
        return alignments.stream().mapToInt(TextAlignment::droppedPieces).sum();
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
