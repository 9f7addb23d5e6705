package dev.weft.model.embedded;

/**
 * For each token, how many UTF-8 continuation bytes (10xxxxxx) it starts with: byte-level BPE
 * splits rare characters across tokens, and only tokens that start with exactly the missing
 * continuation bytes can finish a character the text has left open.
 */
final class ContinuationBytes {
    private final int[] leading;
    private final int[] length;

    ContinuationBytes(Gpt2Tokenizer tokenizer) {
        int size = tokenizer.vocabularySize();
        leading = new int[size];
        length = new int[size];
        // from the token table, not through piece(id): that would make and intern all 50,257 pieces
        // (10 MB of small objects the first garbage collection during keys would then copy)
        for (int id = 0; id < size; id++) {
            length[id] = tokenizer.length(id);
            int c = 0;
            while (c < length[id] && (tokenizer.byteAt(id, c) & 0xc0) == 0x80) {
                c++;
            }
            leading[id] = c;
        }
    }

    /** A copy of {@code probabilities} with every token that cannot supply the next {@code pending} bytes zeroed. */
    double[] keepFinishing(double[] probabilities, int pending) {
        double[] kept = probabilities.clone();
        for (int id = 0; id < kept.length; id++) {
            if (leading[id] != Math.min(pending, length[id]) || length[id] == 0) {
                kept[id] = 0;
            }
        }
        return kept;
    }
}
