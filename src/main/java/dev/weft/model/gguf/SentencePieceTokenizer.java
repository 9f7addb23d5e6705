package dev.weft.model.gguf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * SentencePiece-style BPE ({@code tokenizer.ggml.model = llama}), as llama.cpp's llm_tokenizer_spm:
 * spaces become U+2581, a space is put before the text's start, characters merge pairwise into
 * the known token of the highest score (leftmost among equals), and a character without a token
 * falls back to its UTF-8 bytes as {@code <0xXX>} tokens.
 */
final class SentencePieceTokenizer extends GgufTokenizer {
    private static final String SPACE = "\u2581";

    private final float[] scores;
    private final boolean spacePrefix;
    private final Map<String, Integer> ids = new HashMap<>();
    private final int[] byteIds = new int[256];
    private final int unknown;

    SentencePieceTokenizer(String[] tokens, int[] types, int bos, int eos, int eot, boolean addBos, float[] scores,
                           boolean spacePrefix) {
        super(tokens, types, bos, eos, eot, addBos);
        this.scores = scores;
        this.spacePrefix = spacePrefix;
        int unk = -1;
        for (int id = 0; id < tokens.length; id++) {
            ids.putIfAbsent(tokens[id], id);
            if (types[id] == UNKNOWN && unk < 0) {
                unk = id;
            }
        }
        this.unknown = unk;
        for (int b = 0; b < 256; b++) {
            byteIds[b] = ids.getOrDefault(String.format("<0x%02X>", b), -1);
        }
        indexPieces();
    }

    @Override
    public String describe() {
        return "llama SentencePiece" + (spacePrefix ? "" : ", no space prefix");
    }

    /** True when encoding the start of a text adds a space the text did not have. */
    boolean addsSpacePrefix() {
        return spacePrefix;
    }

    @Override
    byte[] decode(int id) {
        String t = tokens[id];
        if (types[id] == BYTE && t.length() == 6 && t.startsWith("<0x") && t.endsWith(">")) {
            return new byte[] {(byte) Integer.parseInt(t.substring(3, 5), 16)};
        }
        return utf8(t.replace(SPACE, " "));
    }

    private record Bigram(int left, int right, float score, int length) {}

    @Override
    void encodeText(String text, boolean atStart, List<Integer> out) {
        String s = (atStart && spacePrefix ? " " + text : text).replace(" ", SPACE);
        // symbols: UTF-8 characters as [start, end) in s, linked left and right
        List<int[]> sym = new ArrayList<>(); // {start, end, prev, next}
        for (int i = 0; i < s.length(); ) {
            int end = i + Character.charCount(s.codePointAt(i));
            sym.add(new int[] {i, end, sym.size() - 1, sym.size() + 1});
            i = end;
        }
        if (sym.isEmpty()) {
            return;
        }
        sym.get(sym.size() - 1)[3] = -1;
        PriorityQueue<Bigram> queue = new PriorityQueue<>((a, b) -> a.score != b.score
                ? Float.compare(b.score, a.score) : Integer.compare(a.left, b.left));
        for (int i = 0; i + 1 < sym.size(); i++) {
            offer(s, sym, i, i + 1, queue);
        }
        while (!queue.isEmpty()) {
            Bigram g = queue.poll();
            int[] l = sym.get(g.left);
            int[] r = sym.get(g.right);
            if (l[1] == l[0] || r[1] == r[0] || (l[1] - l[0]) + (r[1] - r[0]) != g.length || l[3] != g.right) {
                continue; // one side has changed since this pair was offered
            }
            l[1] = r[1];
            r[1] = r[0]; // emptied
            l[3] = r[3];
            if (r[3] >= 0) {
                sym.get(r[3])[2] = g.left;
            }
            if (l[2] >= 0) {
                offer(s, sym, l[2], g.left, queue);
            }
            if (l[3] >= 0) {
                offer(s, sym, g.left, l[3], queue);
            }
        }
        for (int i = 0; i >= 0; i = sym.get(i)[3]) {
            int[] x = sym.get(i);
            String piece = s.substring(x[0], x[1]);
            Integer id = ids.get(piece);
            if (id != null) {
                out.add(id);
                continue;
            }
            for (byte b : utf8(piece)) {
                int byteId = byteIds[b & 0xff];
                if (byteId >= 0) {
                    out.add(byteId);
                } else if (unknown >= 0) {
                    out.add(unknown);
                }
            }
        }
    }

    private void offer(String s, List<int[]> sym, int left, int right, PriorityQueue<Bigram> queue) {
        String joined = s.substring(sym.get(left)[0], sym.get(right)[1]);
        Integer id = ids.get(joined);
        if (id != null) {
            queue.add(new Bigram(left, right, scores[id], joined.length()));
        }
    }
}
