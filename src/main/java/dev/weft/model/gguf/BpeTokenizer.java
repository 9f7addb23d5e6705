package dev.weft.model.gguf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-level BPE ({@code tokenizer.ggml.model = gpt2}): the text is split by the pre-tokenizer,
 * each word's UTF-8 bytes become one symbol per byte, and adjacent symbols merge by the rank of
 * their pair in {@code tokenizer.ggml.merges}, lowest rank first, leftmost among equals.
 */
final class BpeTokenizer extends GgufTokenizer {
    private static final int CACHE_LIMIT = 200_000;

    private final PreTokenizer pre;
    private final Map<String, Integer> ids = new HashMap<>();
    /** (left id, right id) → rank in the high 32 bits, merged id in the low 32 bits. */
    private final Map<Long, Long> merges = new HashMap<>();
    private final int[] byteIds = new int[256];
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    BpeTokenizer(String[] tokens, int[] types, int bos, int eos, int eot, boolean addBos, String[] mergeLines,
                 PreTokenizer pre, String file) throws GgufException {
        super(tokens, types, bos, eos, eot, addBos);
        this.pre = pre;
        for (int id = 0; id < tokens.length; id++) {
            ids.putIfAbsent(tokens[id], id);
        }
        for (int b = 0; b < 256; b++) {
            byteIds[b] = ids.getOrDefault(String.valueOf(ByteUnicode.charOf(b)), -1);
        }
        for (int rank = 0; rank < mergeLines.length; rank++) {
            String line = mergeLines[rank];
            int space = line.indexOf(' ', 1);
            if (space < 0) {
                throw new GgufException(file + ": tokenizer.ggml.merges[" + rank + "] is not two tokens: " + line);
            }
            String left = line.substring(0, space);
            String right = line.substring(space + 1);
            Integer l = ids.get(left);
            Integer r = ids.get(right);
            Integer merged = ids.get(left + right);
            if (l == null || r == null || merged == null) {
                continue; // llama.cpp skips such merges too: they can never apply
            }
            merges.putIfAbsent(((long) l << 32) | r, ((long) rank << 32) | merged);
        }
        indexPieces();
    }

    @Override
    public String describe() {
        return "gpt2 byte-level BPE, pre-tokenizer " + pre.name();
    }

    @Override
    byte[] decode(int id) {
        if (types[id] == USER_DEFINED) {
            return utf8(tokens[id]);
        }
        byte[] bytes = ByteUnicode.decode(tokens[id]);
        return bytes != null ? bytes : utf8(tokens[id]);
    }

    @Override
    void encodeText(String text, boolean atStart, List<Integer> out) {
        for (String word : pre.split(text)) {
            int[] word_ids = cache.get(word);
            if (word_ids == null) {
                word_ids = bpe(utf8(word));
                if (cache.size() > CACHE_LIMIT) {
                    cache.clear();
                }
                cache.put(word, word_ids);
            }
            for (int id : word_ids) {
                out.add(id);
            }
        }
    }

    private int[] bpe(byte[] bytes) {
        int[] symbols = new int[bytes.length];
        int n = 0;
        for (byte b : bytes) {
            int id = byteIds[b & 0xff];
            symbols[n++] = id; // -1 only in a vocabulary without that byte: left out below
        }
        while (n > 1) {
            long best = Long.MAX_VALUE;
            int at = -1;
            for (int i = 0; i + 1 < n; i++) {
                if (symbols[i] < 0 || symbols[i + 1] < 0) {
                    continue;
                }
                Long merge = merges.get(((long) symbols[i] << 32) | symbols[i + 1]);
                if (merge != null && merge < best) {
                    best = merge;
                    at = i;
                }
            }
            if (at < 0) {
                break;
            }
            symbols[at] = (int) best;
            System.arraycopy(symbols, at + 2, symbols, at + 1, n - at - 2);
            n--;
        }
        return Arrays.stream(symbols, 0, n).filter(id -> id >= 0).toArray();
    }
}
