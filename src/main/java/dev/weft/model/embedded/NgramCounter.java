package dev.weft.model.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Counts a token stream into the tables interpolated Kneser–Ney needs, one per level. The top
 * level holds raw counts c(h w). Every lower level holds continuation counts N1+(· h w): the
 * number of distinct tokens seen just before h w, taken from the distinct grams one level up.
 * The start of the stream counts as one more distinct left neighbour of the grams it begins,
 * so every gram that occurs has a positive count at every level.
 */
final class NgramCounter {
    private NgramCounter() {}

    /** Tables for levels 1..order (index 0 = unigrams), counted from {@code tokens}. */
    static List<NgramTable> count(int[] tokens, int order) {
        List<NgramTable> levels = new ArrayList<>(order);
        int contextLength = order - 1;
        TableBuilder top = new TableBuilder(Math.max(0, tokens.length - contextLength));
        for (int i = 0; i + order <= tokens.length; i++) {
            top.add(NgramTable.pack(tokens, i, contextLength), tokens[i + contextLength]);
        }
        NgramTable above = top.build(contextLength);
        levels.add(above);
        for (int length = contextLength - 1; length >= 0; length--) {
            TableBuilder level = new TableBuilder(above.gramCount());
            for (int c = 0; c < above.contextCount(); c++) {
                long suffix = NgramTable.dropOldest(above.context(c), above.contextLength());
                for (int g = above.start(c); g < above.end(c); g++) {
                    level.add(suffix, above.word(g));
                }
            }
            if (tokens.length > length) {
                level.add(NgramTable.pack(tokens, 0, length), tokens[length]);
            }
            above = level.build(length);
            levels.add(above);
        }
        Collections.reverse(levels);
        return levels;
    }

    /** Accumulates (context, word) counts, then freezes them into a sorted table. */
    private static final class TableBuilder {
        /** Context key to a dense index in first-seen order. */
        private final LongIntMap contextIndex;
        /** (dense context index << 16 | word) to count. */
        private final LongIntMap counts;

        TableBuilder(int expectedGrams) {
            contextIndex = new LongIntMap(expectedGrams / 2);
            counts = new LongIntMap(expectedGrams);
        }

        void add(long context, int word) {
            int dense = contextIndex.putIfAbsent(context, contextIndex.size());
            counts.add(((long) dense << 16) | word, 1);
        }

        NgramTable build(int contextLength) {
            long[] contextOfDense = new long[contextIndex.size()];
            contextIndex.forEach((context, dense) -> contextOfDense[dense] = context);
            long[] sorted = contextOfDense.clone();
            Arrays.sort(sorted);
            int[] rankOfDense = new int[sorted.length];
            int[] denseOfRank = new int[sorted.length];
            for (int dense = 0; dense < sorted.length; dense++) {
                int rank = Arrays.binarySearch(sorted, contextOfDense[dense]);
                rankOfDense[dense] = rank;
                denseOfRank[rank] = dense;
            }
            // Re-key every gram by its context's rank: one sort then orders by (context, word).
            long[] grams = new long[counts.size()];
            int[] next = {0};
            counts.forEach((key, count) ->
                    grams[next[0]++] = ((long) rankOfDense[(int) (key >>> 16)] << 16) | (key & 0xffff));
            Arrays.sort(grams);

            int[] starts = new int[sorted.length + 1];
            char[] words = new char[grams.length];
            int[] gramCounts = new int[grams.length];
            for (int g = 0; g < grams.length; g++) {
                int rank = (int) (grams[g] >>> 16);
                int word = (int) (grams[g] & 0xffff);
                starts[rank + 1] = g + 1;
                words[g] = (char) word;
                gramCounts[g] = counts.get(((long) denseOfRank[rank] << 16) | word, 0);
            }
            return new NgramTable(contextLength, sorted, starts, words, gramCounts);
        }
    }
}
