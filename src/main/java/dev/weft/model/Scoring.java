package dev.weft.model;

import dev.weft.loom.Token;
import java.util.List;

/** The tokens of a scored continuation, each with its logprob and alternatives. */
public record Scoring(List<Token> tokens) {
    public Scoring {
        tokens = List.copyOf(tokens);
    }

    /** Sum of the token logprobs: the logprob of the whole continuation. */
    public double logprob() {
        double sum = 0;
        for (Token t : tokens) {
            sum += t.logprob();
        }
        return sum;
    }
}
