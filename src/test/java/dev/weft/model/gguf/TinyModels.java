package dev.weft.model.gguf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Tiny GGUF model files with random weights and real architectures scaled down, made at test
 * time: each architecture, tensor type and tokenizer kind weft reads.
 */
public final class TinyModels {
    /** Text the tiny tokenizers learn their merges from. */
    static final String SAMPLE = "The quick brown fox jumps over the lazy dog. The cat sat on the mat; "
            + "then the dog and the cat ate the food in the house, and there was nothing left for the others. "
            + "Numbers like 12345 and 2024 appear too, as do words such as nation, station and information.";

    public record Spec(String architecture, GgmlType type, String tokenizer, String pre, boolean tied,
                       boolean ropeFactors, int dim, int ffn, int layers, int heads, int kvHeads, int headDim,
                       long seed) {
        public static Spec of(String architecture, GgmlType type, String tokenizer) {
            return new Spec(architecture, type, tokenizer, "llama3", false, false, 256, 512, 2, 4, 2, 64, 7);
        }

        public Spec tied(boolean t) {
            return new Spec(architecture, type, tokenizer, pre, t, ropeFactors, dim, ffn, layers, heads, kvHeads,
                    headDim, seed);
        }

        public Spec ropeFactors(boolean r) {
            return new Spec(architecture, type, tokenizer, pre, tied, r, dim, ffn, layers, heads, kvHeads, headDim,
                    seed);
        }

        public Spec pre(String p) {
            return new Spec(architecture, type, tokenizer, p, tied, ropeFactors, dim, ffn, layers, heads, kvHeads,
                    headDim, seed);
        }

        public Spec shape(int dim, int ffn, int layers, int heads, int kvHeads, int headDim) {
            return new Spec(architecture, type, tokenizer, pre, tied, ropeFactors, dim, ffn, layers, heads, kvHeads,
                    headDim, seed);
        }
    }

    private TinyModels() {}

    /** {@code TinyModels OUT [ARCH TYPE TOKENIZER]}: writes one tiny model file, to try weft by hand. */
    public static void main(String[] args) throws IOException {
        Spec spec = args.length < 4 ? Spec.of("llama", GgmlType.Q8_0, "gpt2")
                : Spec.of(args[1], GgmlType.valueOf(args[2]), args[3]);
        System.out.println(write(spec, Path.of(args[0])));
    }

    public static Path write(Spec s, Path file) throws IOException {
        return writer(s, vocabulary(s.tokenizer(), s.pre())).write(file);
    }

    /** The writer for a spec, with a given tokenizer's metadata (so a test can add or break things). */
    public static GgufWriter writer(Spec s, Vocab vocab) {
        SplittableRandom random = new SplittableRandom(s.seed());
        GgufWriter w = new GgufWriter();
        String a = s.architecture();
        w.put("general.architecture", a);
        w.put("general.name", "tiny-" + a);
        w.putU32(a + ".context_length", 512);
        w.putU32(a + ".embedding_length", s.dim());
        w.putU32(a + ".block_count", s.layers());
        w.putU32(a + ".feed_forward_length", s.ffn());
        w.putU32(a + ".attention.head_count", s.heads());
        w.putU32(a + ".attention.head_count_kv", s.kvHeads());
        w.putF32(a + ".attention.layer_norm_rms_epsilon", 1e-5f);
        w.putF32(a + ".rope.freq_base", a.equals("llama") ? 500000f : 1000000f);
        if (s.headDim() * s.heads() != s.dim()) {
            w.putU32(a + ".attention.key_length", s.headDim());
            w.putU32(a + ".attention.value_length", s.headDim());
        }
        w.putU32(a + ".rope.dimension_count", s.headDim());
        vocab.addTo(w);
        int n = vocab.tokens().length;
        int q = s.heads() * s.headDim();
        int kv = s.kvHeads() * s.headDim();
        matrix(w, "token_embd.weight", s.type(), s.dim(), n, random);
        norm(w, "output_norm.weight", s.dim(), random);
        if (!s.tied()) {
            matrix(w, "output.weight", s.type(), s.dim(), n, random);
        }
        if (s.ropeFactors()) {
            float[] f = new float[s.headDim() / 2];
            for (int i = 0; i < f.length; i++) {
                f[i] = 1f + 7f * i / f.length; // low frequencies stretched, as Llama 3.1's scaling does
            }
            w.tensor("rope_freqs.weight", GgmlType.F32, new long[] {f.length}, RandomTensors.floats(f));
        }
        for (int l = 0; l < s.layers(); l++) {
            String b = "blk." + l + ".";
            norm(w, b + "attn_norm.weight", s.dim(), random);
            matrix(w, b + "attn_q.weight", s.type(), s.dim(), q, random);
            matrix(w, b + "attn_k.weight", s.type(), s.dim(), kv, random);
            matrix(w, b + "attn_v.weight", s.type(), s.dim(), kv, random);
            if (a.equals("qwen2")) {
                bias(w, b + "attn_q.bias", q, random);
                bias(w, b + "attn_k.bias", kv, random);
                bias(w, b + "attn_v.bias", kv, random);
            }
            if (a.equals("qwen3")) {
                norm(w, b + "attn_q_norm.weight", s.headDim(), random);
                norm(w, b + "attn_k_norm.weight", s.headDim(), random);
            }
            matrix(w, b + "attn_output.weight", s.type(), q, s.dim(), random);
            norm(w, b + "ffn_norm.weight", s.dim(), random);
            matrix(w, b + "ffn_gate.weight", s.type(), s.dim(), s.ffn(), random);
            matrix(w, b + "ffn_up.weight", s.type(), s.dim(), s.ffn(), random);
            matrix(w, b + "ffn_down.weight", s.type(), s.ffn(), s.dim(), random);
        }
        return w;
    }

    private static void matrix(GgufWriter w, String name, GgmlType type, int cols, int rows, SplittableRandom r) {
        w.tensor(name, type, new long[] {cols, rows}, RandomTensors.bytes(type, (long) cols * rows, r));
    }

    private static void norm(GgufWriter w, String name, int n, SplittableRandom r) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (1 + 0.1 * r.nextGaussian());
        }
        w.tensor(name, GgmlType.F32, new long[] {n}, RandomTensors.floats(v));
    }

    private static void bias(GgufWriter w, String name, int n, SplittableRandom r) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (0.1 * r.nextGaussian());
        }
        w.tensor(name, GgmlType.F32, new long[] {n}, RandomTensors.floats(v));
    }

    /** A tokenizer's metadata. */
    public record Vocab(String model, String pre, String[] tokens, int[] types, float[] scores, String[] merges,
                        int bos, int eos, boolean addBos) {
        void addTo(GgufWriter w) {
            w.put("tokenizer.ggml.model", model);
            if (pre != null) {
                w.put("tokenizer.ggml.pre", pre);
            }
            w.putStrings("tokenizer.ggml.tokens", tokens);
            w.putInts("tokenizer.ggml.token_type", types);
            if (scores != null) {
                w.putFloats("tokenizer.ggml.scores", scores);
            }
            if (merges != null) {
                w.putStrings("tokenizer.ggml.merges", merges);
            }
            w.putU32("tokenizer.ggml.bos_token_id", bos);
            w.putU32("tokenizer.ggml.eos_token_id", eos);
            w.putBool("tokenizer.ggml.add_bos_token", addBos);
        }
    }

    public static Vocab vocabulary(String kind, String pre) {
        return kind.equals("gpt2") ? gpt2(pre) : sentencePiece();
    }

    /** 256 byte tokens, merges learned on {@link #SAMPLE}, then {@code <|endoftext|>} (BOS and EOS). */
    static Vocab gpt2(String pre) {
        List<String> tokens = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(String.valueOf(ByteUnicode.charOf(b)));
        }
        List<String> merges = new ArrayList<>();
        List<List<String>> words = new ArrayList<>();
        for (String word : SAMPLE.split("(?= )")) {
            List<String> symbols = new ArrayList<>();
            for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
                symbols.add(String.valueOf(ByteUnicode.charOf(b)));
            }
            words.add(symbols);
        }
        for (int round = 0; round < 120; round++) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (List<String> w : words) {
                for (int i = 0; i + 1 < w.size(); i++) {
                    counts.merge(w.get(i) + " " + w.get(i + 1), 1, Integer::sum);
                }
            }
            String best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(null);
            if (best == null) {
                break;
            }
            merges.add(best);
            String[] parts = best.split(" ");
            tokens.add(parts[0] + parts[1]);
            for (List<String> w : words) {
                for (int i = 0; i + 1 < w.size(); i++) {
                    if (w.get(i).equals(parts[0]) && w.get(i + 1).equals(parts[1])) {
                        w.set(i, parts[0] + parts[1]);
                        w.remove(i + 1);
                    }
                }
            }
        }
        tokens.add("<|endoftext|>");
        int[] types = new int[tokens.size()];
        java.util.Arrays.fill(types, 1);
        types[types.length - 1] = 3;
        int eot = tokens.size() - 1;
        return new Vocab("gpt2", pre, tokens.toArray(String[]::new), types, null, merges.toArray(String[]::new),
                eot, eot, false);
    }

    /** {@code <unk> <s> </s>}, 256 byte tokens, then pieces learned on {@link #SAMPLE} with falling scores. */
    static Vocab sentencePiece() {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        List<Integer> types = new ArrayList<>(List.of(2, 3, 3));
        List<Float> scores = new ArrayList<>(List.of(0f, 0f, 0f));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types.add(6);
            scores.add(0f);
        }
        String text = ("\u2581" + SAMPLE).replace(" ", "\u2581");
        Map<String, Boolean> seen = new HashMap<>();
        float score = -1;
        for (int cp : text.codePoints().distinct().toArray()) {
            String c = new String(Character.toChars(cp));
            seen.put(c, true);
            tokens.add(c);
            types.add(1);
            scores.add(score);
            score -= 1;
        }
        List<String> symbols = new ArrayList<>();
        text.codePoints().forEach(cp -> symbols.add(new String(Character.toChars(cp))));
        for (int round = 0; round < 120; round++) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int i = 0; i + 1 < symbols.size(); i++) {
                counts.merge(symbols.get(i) + "\u0000" + symbols.get(i + 1), 1, Integer::sum);
            }
            String best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(null);
            if (best == null) {
                break;
            }
            String[] parts = best.split("\u0000");
            String merged = parts[0] + parts[1];
            if (seen.put(merged, true) == null) {
                tokens.add(merged);
                types.add(1);
                scores.add(score);
                score -= 1;
            }
            for (int i = 0; i + 1 < symbols.size(); i++) {
                if (symbols.get(i).equals(parts[0]) && symbols.get(i + 1).equals(parts[1])) {
                    symbols.set(i, merged);
                    symbols.remove(i + 1);
                }
            }
        }
        float[] s = new float[scores.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = scores.get(i);
        }
        return new Vocab("llama", null, tokens.toArray(String[]::new), types.stream().mapToInt(i -> i).toArray(), s,
                null, 1, 2, true);
    }
}
