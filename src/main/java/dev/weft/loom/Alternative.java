package dev.weft.loom;

/** One of the tokens the model reported as a candidate at a position, with its logprob. */
public record Alternative(Piece piece, double logprob) {
    public Alternative {
        if (piece == null) {
            throw new IllegalArgumentException("alternative without text");
        }
    }

    public static Alternative of(String text, double logprob) {
        return new Alternative(Piece.of(text), logprob);
    }

    public String text() {
        return piece.text();
    }

    public double probability() {
        return Math.exp(logprob);
    }
}
