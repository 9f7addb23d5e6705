package dev.weft.analysis;

import dev.weft.loom.Piece;
import java.util.List;

/**
 * A change to a completion, after which the model regenerates the rest: the essay's "manual
 * perturbations", made by hand or automatically. The perturbed text is the original's first
 * {@link #at()} tokens followed by {@link #pieces()}.
 */
public sealed interface Perturbation {

    /** Index of the original's token where the perturbed text departs from it. */
    int at();

    /** What follows the original's first {@link #at()} tokens. */
    List<Piece> pieces();

    /** "swap", "insert" or "edit". */
    String kind();

    default String text() {
        StringBuilder out = new StringBuilder();
        pieces().forEach(p -> out.append(p.text()));
        return out.toString();
    }

    /**
     * The model's alternative {@code alternative} (an index into the token's reported top-k)
     * instead of the token it chose at {@code at}.
     */
    record Swap(int at, int alternative, Piece piece, double logprob) implements Perturbation {
        public List<Piece> pieces() {
            return List.of(piece);
        }

        public String kind() {
            return "swap";
        }
    }

    /** A phrase inserted before token {@code at}. */
    record Insert(int at, String phrase) implements Perturbation {
        public List<Piece> pieces() {
            return List.of(Piece.of(phrase));
        }

        public String kind() {
            return "insert";
        }
    }

    /** The user's own text in place of everything from token {@code at} on. */
    record Edit(int at, String replacement) implements Perturbation {
        public List<Piece> pieces() {
            return replacement.isEmpty() ? List.of() : List.of(Piece.of(replacement));
        }

        public String kind() {
            return "edit";
        }
    }
}
