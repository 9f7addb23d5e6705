package dev.weft.analysis;

import java.util.List;

/** Levenshtein distances over sequences of any element (words, tokens, characters). */
public final class EditDistance {
    private EditDistance() {}

    /** The fewest insertions, deletions and substitutions that turn {@code a} into {@code b}. */
    public static <T> int between(List<T> a, List<T> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int substitute = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    /** The distance divided by the longer length: 0 for equal sequences, 1 for nothing in common. */
    public static <T> double normalised(List<T> a, List<T> b) {
        int longer = Math.max(a.size(), b.size());
        return longer == 0 ? 0 : (double) between(a, b) / longer;
    }

    /**
     * How far {@code needle} is from the closest stretch of {@code haystack}, divided by the
     * needle's length: 0 when it occurs there, 1 when nothing of it does. (Semi-global alignment:
     * skipping haystack elements before and after the stretch is free.)
     */
    public static <T> double closestStretch(List<T> needle, List<T> haystack) {
        if (needle.isEmpty()) {
            return 0;
        }
        int[] previous = new int[haystack.size() + 1]; // row 0 is all zeros: the stretch may start anywhere
        int[] current = new int[haystack.size() + 1];
        for (int i = 1; i <= needle.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= haystack.size(); j++) {
                int substitute = previous[j - 1] + (needle.get(i - 1).equals(haystack.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        int best = needle.size();
        for (int d : previous) {
            best = Math.min(best, d);
        }
        return (double) best / needle.size();
    }
}
