package dev.weft.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How different a set of sibling texts are from each other: the essay's "very similar responses
 * even on temperature 1", as numbers. All figures are over {@link Words}.
 *
 * @param samples                how many texts
 * @param distinct1              distinct words / all words, over all texts (1 = no word repeats)
 * @param distinct2              distinct word pairs / all word pairs
 * @param meanEditDistance       mean over all pairs of texts of their normalised word edit distance
 *                               (0 = all identical, 1 = nothing in common); NaN for fewer than two
 * @param modalFirstSentence     the most common first sentence (the earliest, on a tie)
 * @param modalFirstSentenceShare share of texts whose first sentence is that one
 */
public record Diversity(int samples, double distinct1, double distinct2, double meanEditDistance,
                        String modalFirstSentence, double modalFirstSentenceShare) {

    public static Diversity of(List<String> texts) {
        List<List<String>> words = new ArrayList<>(texts.size());
        for (String text : texts) {
            words.add(Words.of(text));
        }
        Map<String, Integer> firstSentences = new LinkedHashMap<>();
        for (String text : texts) {
            firstSentences.merge(Sentences.first(text), 1, Integer::sum);
        }
        String modal = "";
        int modalCount = 0;
        for (Map.Entry<String, Integer> e : firstSentences.entrySet()) {
            if (e.getValue() > modalCount) {
                modal = e.getKey();
                modalCount = e.getValue();
            }
        }
        return new Diversity(texts.size(), distinct(words, 1), distinct(words, 2), meanPairwiseDistance(words),
                modal, texts.isEmpty() ? Double.NaN : (double) modalCount / texts.size());
    }

    /** Distinct n-grams over all n-grams of all texts (n-grams do not cross texts); NaN when there are none. */
    static double distinct(List<List<String>> texts, int n) {
        Set<List<String>> seen = new HashSet<>();
        int total = 0;
        for (List<String> words : texts) {
            for (int i = 0; i + n <= words.size(); i++) {
                seen.add(words.subList(i, i + n));
                total++;
            }
        }
        return total == 0 ? Double.NaN : (double) seen.size() / total;
    }

    private static double meanPairwiseDistance(List<List<String>> texts) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                sum += EditDistance.normalised(texts.get(i), texts.get(j));
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }
}
