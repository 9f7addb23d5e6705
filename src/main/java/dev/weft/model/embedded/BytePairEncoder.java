package dev.weft.model.embedded;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2's byte-level BPE over a {@link TokenTable}, as tiktoken (and jtokkit) do it for
 * {@code r50k_base}: the text is split by the encoding's pattern; a piece that is a token is that
 * token; any other piece starts as its bytes, and the adjacent pair whose joined bytes have the
 * lowest rank (the leftmost among equals) is merged until no pair is a token. In r50k a token's
 * rank is its id. Special tokens are never made here: written in text, they are ordinary text.
 */
final class BytePairEncoder {
    /** r50k_base's split, as jtokkit compiles it (Unicode character classes). */
    private static final Pattern SPLIT = Pattern.compile(
            "'(?:[sdmt]|ll|ve|re)| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final int NONE = Integer.MAX_VALUE;

    private final TokenTable table;
    /** Ids from here on are special tokens, not ranks. */
    private final int ranks;

    BytePairEncoder(TokenTable table, int ranks) {
        this.table = table;
        this.ranks = ranks;
    }

    /** The ids of {@code text}, appended to {@code out}. */
    void encode(String text, IdList out) {
        for (Matcher m = SPLIT.matcher(text); m.find(); ) {
            byte[] piece = m.group().getBytes(StandardCharsets.UTF_8);
            int whole = rank(piece, 0, piece.length);
            if (whole != NONE) {
                out.add(whole);
            } else {
                merge(piece, out);
            }
        }
    }

    private int rank(byte[] piece, int from, int to) {
        int id = table.id(piece, from, to);
        return id < 0 || id >= ranks ? NONE : id;
    }

    /** Merges the piece's parts, lowest rank first; {@code starts[i]} is where part i begins. */
    private void merge(byte[] piece, IdList out) {
        int parts = piece.length;
        int[] starts = new int[parts + 1];
        for (int i = 0; i <= parts; i++) {
            starts[i] = i;
        }
        // pair[i]: the rank of parts i and i+1 joined
        int[] pair = new int[Math.max(parts - 1, 0)];
        for (int i = 0; i < parts - 1; i++) {
            pair[i] = rank(piece, starts[i], starts[i + 2]);
        }
        while (parts > 1) {
            int best = -1;
            int bestRank = NONE;
            for (int i = 0; i < parts - 1; i++) {
                if (pair[i] < bestRank) {
                    bestRank = pair[i];
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            // parts best and best+1 become one: drop the boundary between them
            System.arraycopy(starts, best + 2, starts, best + 1, parts - best - 1);
            System.arraycopy(pair, best + 1, pair, best, parts - best - 2);
            parts--;
            if (best > 0) {
                pair[best - 1] = rank(piece, starts[best - 1], starts[best + 1]);
            }
            if (best < parts - 1) {
                pair[best] = rank(piece, starts[best], starts[best + 2]);
            }
        }
        for (int i = 0; i < parts; i++) {
            int id = table.id(piece, starts[i], starts[i + 1]);
            if (id < 0) {
                throw new IllegalStateException("byte-level BPE without the byte " + Arrays.toString(
                        Arrays.copyOfRange(piece, starts[i], starts[i + 1])));
            }
            out.add(id);
        }
    }

    /** A growable list of ids. */
    static final class IdList {
        private int[] ids = new int[16];
        private int size;

        void add(int id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(ids, size);
        }
    }
}
