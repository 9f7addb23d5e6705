package dev.weft.loom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One token as backends report it: its text (raw bytes when partial UTF-8), its logprob
 * ({@link Double#NaN} when nothing scored it, e.g. typed text), and the top-k alternatives
 * sorted by logprob, descending. A view: the tree stores tokens in {@link TokenRun}.
 */
public record Token(Piece piece, double logprob, List<Alternative> top) {
    public static final Comparator<Alternative> MOST_LIKELY_FIRST =
            Comparator.comparingDouble(Alternative::logprob).reversed();

    public Token {
        if (piece == null) {
            throw new IllegalArgumentException("token without text");
        }
        List<Alternative> sorted = new ArrayList<>(top == null ? List.of() : top);
        sorted.sort(MOST_LIKELY_FIRST);
        top = List.copyOf(sorted);
    }

    public static Token of(String text, double logprob, List<Alternative> top) {
        return new Token(Piece.of(text), logprob, top);
    }

    /** Text the user typed: no score, no alternatives. */
    public static Token unscored(String text) {
        return new Token(Piece.of(text), Double.NaN, List.of());
    }

    public String text() {
        return piece.text();
    }

    public boolean isScored() {
        return !Double.isNaN(logprob);
    }

    public double probability() {
        return isScored() ? Math.exp(logprob) : Double.NaN;
    }

    /** 1-based rank of this token among the alternatives, or 0 if it is not among them. */
    public int rank() {
        for (int i = 0; i < top.size(); i++) {
            if (top.get(i).piece().equals(piece)) {
                return i + 1;
            }
        }
        return 0;
    }
}
