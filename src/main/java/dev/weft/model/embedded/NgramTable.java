package dev.weft.model.embedded;

import java.util.Arrays;

/**
 * The n-grams of one order, grouped by context and stored column-wise. Contexts are packed
 * into longs (16 bits per id, the most recent id lowest) and sorted; the words that followed
 * context {@code i} are {@code words[starts[i] .. starts[i+1])}, ascending, each with its count.
 * Which count that is (raw or continuation) is up to the Kneser–Ney level that owns the table.
 */
final class NgramTable {
    static final int MAX_CONTEXT_LENGTH = 4;

    private final int contextLength;
    private final long[] contexts;
    private final int[] starts;
    private final char[] words;
    private final int[] counts;

    /** Checks every invariant the lookups rely on, so a damaged cache file cannot slip through. */
    NgramTable(int contextLength, long[] contexts, int[] starts, char[] words, int[] counts) {
        require(contextLength >= 0 && contextLength <= MAX_CONTEXT_LENGTH, "context length " + contextLength);
        require(starts.length == contexts.length + 1 && starts[0] == 0 && starts[contexts.length] == words.length,
                "context offsets do not cover the words");
        require(counts.length == words.length, "one count per word");
        require(contextLength > 0 || contexts.length == 0 || (contexts.length == 1 && contexts[0] == 0),
                "the empty context must be the only one");
        for (int i = 0; i < contexts.length; i++) {
            require(i == 0 || contexts[i - 1] < contexts[i], "contexts out of order");
            require(starts[i] < starts[i + 1], "a context without successors");
            for (int g = starts[i]; g < starts[i + 1]; g++) {
                require(g == starts[i] || words[g - 1] < words[g], "words out of order");
                require(counts[g] > 0, "a non-positive count");
            }
        }
        this.contextLength = contextLength;
        this.contexts = contexts;
        this.starts = starts;
        this.words = words;
        this.counts = counts;
    }

    /** Packs {@code length} ids starting at {@code from}; ids must be below 65536. */
    static long pack(int[] ids, int from, int length) {
        long key = 0;
        for (int i = from; i < from + length; i++) {
            key = (key << 16) | ids[i];
        }
        return key;
    }

    /** Drops the oldest id of a packed context of {@code length} ids. */
    static long dropOldest(long context, int length) {
        return length <= 1 ? 0 : context & ((1L << (16 * (length - 1))) - 1);
    }

    int contextLength() {
        return contextLength;
    }

    int contextCount() {
        return contexts.length;
    }

    int gramCount() {
        return words.length;
    }

    /** Index of a packed context, or -1 when it never had a successor. */
    int find(long context) {
        int i = Arrays.binarySearch(contexts, context);
        return i >= 0 ? i : -1;
    }

    /** Index of {@code word} among the successors of context {@code i}, or -1. */
    int findWord(int i, int word) {
        if (word < 0 || word > Character.MAX_VALUE) {
            return -1;
        }
        int g = Arrays.binarySearch(words, starts[i], starts[i + 1], (char) word);
        return g >= 0 ? g : -1;
    }

    long context(int i) {
        return contexts[i];
    }

    /** First gram index of context {@code i}. */
    int start(int i) {
        return starts[i];
    }

    /** One past the last gram index of context {@code i}. */
    int end(int i) {
        return starts[i + 1];
    }

    int word(int gram) {
        return words[gram];
    }

    int count(int gram) {
        return counts[gram];
    }

    /** How many grams have count 1, 2, 3 and 4: element k is n_k (element 0 is unused). */
    long[] countOfCounts() {
        long[] n = new long[5];
        for (int c : counts) {
            if (c <= 4) {
                n[c]++;
            }
        }
        return n;
    }

    // The columns themselves, for ModelFile to write; shared, not copied: never modify them.

    long[] contexts() {
        return contexts;
    }

    int[] starts() {
        return starts;
    }

    char[] words() {
        return words;
    }

    int[] counts() {
        return counts;
    }

    /** Tables are equal when they hold the same grams with the same counts. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NgramTable t && contextLength == t.contextLength
                && Arrays.equals(contexts, t.contexts) && Arrays.equals(starts, t.starts)
                && Arrays.equals(words, t.words) && Arrays.equals(counts, t.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(contexts) + Arrays.hashCode(counts);
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("invalid n-gram table: " + what);
        }
    }
}
