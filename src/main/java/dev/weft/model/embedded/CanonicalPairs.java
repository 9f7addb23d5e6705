package dev.weft.model.embedded;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether two adjacent tokens are how BPE itself would split their text. The model was trained
 * on canonical tokenisations only; its smoothing still gives non-canonical sequences (" incont"
 * then "Franc") a little mass, and text sampled that way reads as a different token sequence
 * when it is tokenised again, so its scores no longer match. For BPE a sequence is canonical
 * when each adjacent pair is (Vieira et al., "Language Models over Canonical Byte-Pair
 * Encodings", 2025), so generation checks the pair it is about to form.
 */
final class CanonicalPairs {
    private final Gpt2Tokenizer tokenizer;
    private final ConcurrentHashMap<Long, Boolean> known = new ConcurrentHashMap<>();

    CanonicalPairs(Gpt2Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    boolean canonical(int previous, int next) {
        if (previous == Gpt2Tokenizer.END_OF_TEXT || next == Gpt2Tokenizer.END_OF_TEXT) {
            return true;
        }
        return known.computeIfAbsent(((long) previous << 32) | next, key -> check(previous, next));
    }

    private boolean check(int previous, int next) {
        var first = tokenizer.piece(previous);
        var second = tokenizer.piece(next);
        if (!first.isComplete() || !second.isComplete()) {
            // BPE runs on text and a piece of a split character cannot be re-encoded alone; such
            // pieces are only held to valid UTF-8 (see CompletionInProgress#continuesValidly)
            return true;
        }
        int[] ids = tokenizer.encode(first.text() + second.text());
        return ids.length == 2 && ids[0] == previous && ids[1] == next;
    }
}
