package dev.weft.model.embedded;

import java.util.Arrays;
import java.util.List;

/**
 * An interpolated modified Kneser–Ney n-gram model over token ids (Chen &amp; Goodman 1998):
 * <pre>
 *   P_k(w|h) = max(c(hw) − D(c(hw)), 0) / c(h) + γ(h) · P_{k−1}(w|h′)
 *   γ(h)     = (D1·N1(h·) + D2·N2(h·) + D3+·N3+(h·)) / c(h)
 * </pre>
 * with raw counts at the top level, continuation counts below ({@link NgramCounter}), three
 * discounts per level ({@link Discounts}), the unigram level interpolated with the uniform
 * distribution over the vocabulary, and an unseen context backing off entirely to the shorter
 * one. Works on plain int sequences; immutable and safe to share between threads.
 */
public final class KneserNeyModel {
    public static final int MAX_ORDER = NgramTable.MAX_CONTEXT_LENGTH + 1;
    /** Ids are stored as chars. */
    public static final int MAX_VOCABULARY = Character.MAX_VALUE + 1;

    private final int vocabularySize;
    /** levels[k − 1] holds the grams of level k (context length k − 1). */
    private final NgramTable[] levels;
    private final Discounts[] discounts;
    /** c(h) of each context of each level. */
    private final long[][] contextTotals;
    /** γ(h) of each context of each level. */
    private final double[][] backoffWeights;
    /** P_1 over the whole vocabulary: computed once, it is the O(V) part of every distribution. */
    private final double[] unigram;

    /**
     * Trains on a token stream (callers frame documents with their separator token).
     *
     * @throws IllegalArgumentException for an empty stream, an id outside the vocabulary or an
     *                                  order outside 1..{@value #MAX_ORDER}
     */
    public static KneserNeyModel train(int[] tokens, int vocabularySize, int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("order must be 1.." + MAX_ORDER + ", got " + order);
        }
        if (vocabularySize < 1 || vocabularySize > MAX_VOCABULARY) {
            throw new IllegalArgumentException(
                    "vocabulary size must be 1.." + MAX_VOCABULARY + ", got " + vocabularySize);
        }
        if (tokens.length == 0) {
            throw new IllegalArgumentException("nothing to train on");
        }
        for (int id : tokens) {
            if (id < 0 || id >= vocabularySize) {
                throw new IllegalArgumentException("token id " + id + " outside the vocabulary of " + vocabularySize);
            }
        }
        return new KneserNeyModel(vocabularySize, NgramCounter.count(tokens, order));
    }

    /**
     * Builds the model from its count tables (levels 1..order; only the unigram level must be
     * non-empty, a stream shorter than the order leaves the top levels without grams).
     */
    KneserNeyModel(int vocabularySize, List<NgramTable> tables) {
        int order = tables.size();
        if (order < 1 || order > MAX_ORDER || vocabularySize < 1 || vocabularySize > MAX_VOCABULARY) {
            throw new IllegalArgumentException(
                    "order " + order + " or vocabulary size " + vocabularySize + " out of range");
        }
        this.vocabularySize = vocabularySize;
        this.levels = tables.toArray(new NgramTable[0]);
        this.discounts = new Discounts[order];
        this.contextTotals = new long[order][];
        this.backoffWeights = new double[order][];
        for (int k = 1; k <= order; k++) {
            NgramTable table = levels[k - 1];
            if (table.contextLength() != k - 1) {
                throw new IllegalArgumentException("level " + k + " has contexts of length " + table.contextLength());
            }
            for (int g = 0; g < table.gramCount(); g++) {
                if (table.word(g) >= vocabularySize) {
                    throw new IllegalArgumentException("a word id outside the vocabulary of " + vocabularySize);
                }
            }
            long[] n = table.countOfCounts();
            discounts[k - 1] = Discounts.estimate(n[1], n[2], n[3], n[4]);
            summarise(k);
        }
        if (levels[0].gramCount() == 0) {
            throw new IllegalArgumentException("no unigrams");
        }
        this.unigram = unigramDistribution();
    }

    /** Fills c(h) and γ(h) for every context of level k. */
    private void summarise(int k) {
        NgramTable table = levels[k - 1];
        Discounts d = discounts[k - 1];
        long[] totals = new long[table.contextCount()];
        double[] gammas = new double[table.contextCount()];
        for (int i = 0; i < totals.length; i++) {
            long total = 0;
            long[] n = new long[4];
            for (int g = table.start(i); g < table.end(i); g++) {
                int count = table.count(g);
                total += count;
                n[Math.min(count, 3)]++;
            }
            totals[i] = total;
            gammas[i] = (d.d1() * n[1] + d.d2() * n[2] + d.d3plus() * n[3]) / total;
        }
        contextTotals[k - 1] = totals;
        backoffWeights[k - 1] = gammas;
    }

    /** P_1(w) = max(N1+(·w) − D, 0) / N1+(··) + γ · 1/V for every w. */
    private double[] unigramDistribution() {
        double[] p = new double[vocabularySize];
        double uniform = backoffWeights[0][0] / vocabularySize;
        Arrays.fill(p, uniform);
        addDiscounted(1, 0, 1.0, p);
        return p;
    }

    public int order() {
        return levels.length;
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    /** Distinct grams stored at level k (1 = unigrams). */
    public int ngramCount(int level) {
        return levels[level - 1].gramCount();
    }

    /** P(w | context) for every id w; the ids before the last order − 1 are ignored. */
    public double[] distribution(int[] context) {
        double[] out = new double[vocabularySize];
        distribution(context, context.length, out);
        return out;
    }

    /**
     * Writes P(w | history[0 .. length)) into {@code out} (length = vocabulary size). O(V) for
     * the scaled unigram vector plus the successors of each matched context.
     */
    public void distribution(int[] history, int length, double[] out) {
        if (out.length != vocabularySize || length < 0 || length > history.length) {
            throw new IllegalArgumentException(
                    "history length " + length + " or output size " + out.length + " does not fit");
        }
        int[] contexts = new int[order() + 1];
        int top = matchContexts(history, length, contexts);
        double[] weights = levelWeights(top, contexts);
        double w1 = weights[1];
        for (int id = 0; id < vocabularySize; id++) {
            out[id] = w1 * unigram[id];
        }
        for (int k = 2; k <= top; k++) {
            addDiscounted(k, contexts[k], weights[k], out);
        }
    }

    /** P(token | context), computed with the same operations in the same order as {@link #distribution}. */
    public double probability(int[] context, int token) {
        if (token < 0 || token >= vocabularySize) {
            throw new IllegalArgumentException("token id " + token + " outside the vocabulary of " + vocabularySize);
        }
        int[] contexts = new int[order() + 1];
        int top = matchContexts(context, context.length, contexts);
        double[] weights = levelWeights(top, contexts);
        double p = weights[1] * unigram[token];
        for (int k = 2; k <= top; k++) {
            NgramTable table = levels[k - 1];
            int g = table.findWord(contexts[k], token);
            if (g >= 0) {
                p += weights[k] * discounted(k, contexts[k], table.count(g));
            }
        }
        return p;
    }

    public double logprob(int[] context, int token) {
        return Math.log(probability(context, token));
    }

    /**
     * Finds the context of each level in the history, from level 2 up, and stops at the first
     * unseen one: a longer context than an unseen one is unseen too. Returns the top level used.
     */
    private int matchContexts(int[] history, int length, int[] contexts) {
        int top = 1;
        for (int k = 2; k <= order() && k - 1 <= length; k++) {
            int i = levels[k - 1].find(NgramTable.pack(history, length - (k - 1), k - 1));
            if (i < 0) {
                break;
            }
            contexts[k] = i;
            top = k;
        }
        return top;
    }

    /** weights[k] = product of γ over the matched levels above k: how much of P_k reaches the top. */
    private double[] levelWeights(int top, int[] contexts) {
        double[] weights = new double[top + 1];
        weights[top] = 1;
        for (int k = top; k >= 2; k--) {
            weights[k - 1] = weights[k] * backoffWeights[k - 1][contexts[k]];
        }
        return weights;
    }

    /** Adds weight · max(c(hw) − D, 0) / c(h) for every successor w of context i of level k. */
    private void addDiscounted(int k, int context, double weight, double[] out) {
        NgramTable table = levels[k - 1];
        for (int g = table.start(context); g < table.end(context); g++) {
            out[table.word(g)] += weight * discounted(k, context, table.count(g));
        }
    }

    private double discounted(int k, int context, int count) {
        return Math.max(count - discounts[k - 1].of(count), 0) / contextTotals[k - 1][context];
    }

    /** The count tables, level 1 first, for {@link ModelFile}. */
    List<NgramTable> tables() {
        return List.of(levels);
    }

    /** Discounts of level k, for tests and reports. */
    Discounts discounts(int level) {
        return discounts[level - 1];
    }

    /** Two models are equal when they were built from the same counts over the same vocabulary. */
    @Override
    public boolean equals(Object o) {
        return o instanceof KneserNeyModel m && vocabularySize == m.vocabularySize && Arrays.equals(levels, m.levels);
    }

    @Override
    public int hashCode() {
        return 31 * vocabularySize + Arrays.hashCode(levels);
    }
}
