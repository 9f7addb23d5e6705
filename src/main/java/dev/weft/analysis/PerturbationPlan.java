package dev.weft.analysis;

import dev.weft.loom.Alternative;
import dev.weft.loom.TokenRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How to perturb the temperature-0 completion: automatically at seeded random positions, or by
 * the user's own edits. Automatic positions lie before the original's ending starts, so the
 * ending is always something the perturbed run could converge back to.
 */
public sealed interface PerturbationPlan {

    /**
     * The perturbations of {@code original}, ordered by position.
     *
     * @param endingStart the token where the original's ending starts
     * @throws IllegalArgumentException when an edit does not fit the original
     */
    List<Perturbation> perturbations(TokenRun original, int endingStart);

    /** At {@code count} distinct random tokens, one of the model's other reported alternatives instead. */
    record Swaps(int count, long seed) implements PerturbationPlan {
        public List<Perturbation> perturbations(TokenRun original, int endingStart) {
            SplittableRandom random = new SplittableRandom(seed);
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < limit(original, endingStart); i++) {
                if (!others(original, i).isEmpty()) {
                    positions.add(i);
                }
            }
            List<Perturbation> out = new ArrayList<>();
            for (int at : choose(positions, count, random)) {
                List<Integer> others = others(original, at);
                int alternative = others.get(random.nextInt(others.size()));
                Alternative chosen = original.alternative(at, alternative);
                out.add(new Perturbation.Swap(at, alternative, chosen.piece(), chosen.logprob()));
            }
            return sorted(out);
        }

        /** Indexes of the token's reported alternatives other than the token itself. */
        private static List<Integer> others(TokenRun run, int i) {
            List<Integer> out = new ArrayList<>();
            for (int j = 0; j < run.alternativeCount(i); j++) {
                Alternative alternative = run.alternative(i, j);
                if (!alternative.piece().equals(run.piece(i)) && Double.isFinite(alternative.logprob())) {
                    out.add(j);
                }
            }
            return out;
        }
    }

    /** {@code phrase} inserted before {@code count} distinct random tokens. */
    record Inserts(String phrase, int count, long seed) implements PerturbationPlan {
        public Inserts {
            if (phrase.isEmpty()) {
                throw new IllegalArgumentException("the phrase to insert is empty");
            }
        }

        public List<Perturbation> perturbations(TokenRun original, int endingStart) {
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < limit(original, endingStart); i++) {
                positions.add(i);
            }
            List<Perturbation> out = new ArrayList<>();
            for (int at : choose(positions, count, new SplittableRandom(seed))) {
                out.add(new Perturbation.Insert(at, phrase));
            }
            return sorted(out);
        }
    }

    /**
     * The user's edits, each written as the completion's text up to where regeneration should
     * start: it departs from the original at its first differing character.
     */
    record Edits(List<String> rewrittenTexts) implements PerturbationPlan {
        public Edits {
            rewrittenTexts = List.copyOf(rewrittenTexts);
        }

        public List<Perturbation> perturbations(TokenRun original, int endingStart) {
            String text = original.text();
            int[] starts = TokenOffsets.charStarts(original);
            List<Perturbation> out = new ArrayList<>();
            for (int e = 0; e < rewrittenTexts.size(); e++) {
                String rewritten = rewrittenTexts.get(e);
                int differs = firstDifference(text, rewritten);
                if (differs == rewritten.length()) {
                    throw new IllegalArgumentException("edit " + (e + 1) + " does not change the completion: it is "
                            + (differs == text.length() ? "the whole text" : "a beginning of it"));
                }
                int at = TokenOffsets.tokenAt(original, differs);
                out.add(new Perturbation.Edit(at, rewritten.substring(starts[at])));
            }
            return out;
        }

        private static int firstDifference(String a, String b) {
            int i = 0;
            while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            return i;
        }
    }

    /** Tokens before the ending; all tokens when the ending is the whole completion. */
    private static int limit(TokenRun original, int endingStart) {
        return endingStart > 0 ? Math.min(endingStart, original.size()) : original.size();
    }

    /** Up to {@code count} of the positions, drawn without replacement. */
    private static List<Integer> choose(List<Integer> positions, int count, SplittableRandom random) {
        List<Integer> pool = new ArrayList<>(positions);
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < count && !pool.isEmpty()) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return chosen;
    }

    private static List<Perturbation> sorted(List<Perturbation> perturbations) {
        perturbations.sort(Comparator.comparingInt(Perturbation::at));
        return perturbations;
    }
}
