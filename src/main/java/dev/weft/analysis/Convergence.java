package dev.weft.analysis;

import dev.weft.loom.Piece;
import dev.weft.loom.TokenRun;
import java.util.List;

/**
 * Whether a perturbed, regenerated completion came back to the original: the essay's attractors,
 * "states that generated trajectories reliably converge to despite perturbations".
 *
 * @param rejoinAfter     tokens the regenerated text spends before it re-joins the original for good
 *                        (from there on both texts agree token for token until one of them ends, over
 *                        at least {@value #MIN_SHARED} tokens); null when it never does
 * @param endingMatched   the original's ending occurs, character for character, in the text from the
 *                        perturbation on
 * @param endingDistance  the character edit distance from the original's ending to the closest stretch
 *                        of the text after the perturbation, over the ending's length: 0 when it occurs
 *                        there, 1 when nothing of it does
 */
public record Convergence(Integer rejoinAfter, boolean endingMatched, double endingDistance) {
    /** Fewer shared tokens are too often a coincidence ("the", ".") to call a re-join. */
    public static final int MIN_SHARED = 4;

    public boolean rejoined() {
        return rejoinAfter != null;
    }

    /**
     * @param original    the original completion's tokens
     * @param from        the original's token where the perturbation departs
     * @param perturbed   the text of the perturbation itself
     * @param regenerated what the model wrote after the perturbation
     * @param ending      the original's ending
     */
    public static Convergence measure(TokenRun original, int from, String perturbed, TokenRun regenerated,
                                      Ending.Located ending) {
        Integer rejoin = rejoinAfter(pieces(original).subList(from, original.size()), pieces(regenerated));
        double distance = EditDistance.closestStretch(codePoints(ending.text()),
                codePoints(perturbed + regenerated.text()));
        return new Convergence(rejoin, distance == 0, distance);
    }

    /**
     * The smallest r such that {@code regenerated} from r on agrees with {@code original} from some
     * position on, until one of them ends, over at least {@link #MIN_SHARED} tokens.
     */
    static Integer rejoinAfter(List<Piece> original, List<Piece> regenerated) {
        for (int r = 0; r + MIN_SHARED <= regenerated.size(); r++) {
            for (int j = 0; j + MIN_SHARED <= original.size(); j++) {
                if (agreeToTheEnd(regenerated, r, original, j)) {
                    return r;
                }
            }
        }
        return null;
    }

    private static boolean agreeToTheEnd(List<Piece> a, int i, List<Piece> b, int j) {
        int length = Math.min(a.size() - i, b.size() - j);
        for (int k = 0; k < length; k++) {
            if (!a.get(i + k).equals(b.get(j + k))) {
                return false;
            }
        }
        return true;
    }

    private static List<Piece> pieces(TokenRun run) {
        return java.util.stream.IntStream.range(0, run.size()).mapToObj(run::piece).toList();
    }

    private static List<Integer> codePoints(String text) {
        return text.codePoints().boxed().toList();
    }
}
