package dev.weft.bench;

import dev.weft.loom.SamplingParams;
import dev.weft.model.Prompt;
import dev.weft.model.gguf.GgmlType;
import dev.weft.model.gguf.GgufModel;
import dev.weft.model.gguf.GgufWriter;
import dev.weft.model.gguf.RandomTensors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * Figures for model/gguf on synthetic files with real shapes (SmolLM2-135M, Llama-3.2-1B), each in
 * Q8_0 and a Q4_K_M-like mix (Q4_K, with Q6_K for attn_v, ffn_down and the output, as llama.cpp's
 * Q4_K_M puts them), made by this program: load time, prefill and generation tokens/s, heap
 * besides the mapping; then the same file through llama.cpp (de.kherud:llama 3.4.1, JNI) with the
 * same thread count (all cores, or {@code -Dweft.bench.threads=N}), each also per CPU-second of
 * the process (llama.cpp's waiting threads spin, so its CPU time counts some waiting). Not a test. {@code java -cp ... dev.weft.bench.GgufFigures [DIR]}.
 */
public final class GgufFigures {
    private static final int PROMPT_TOKENS = 128;
    private static final int GENERATED = 32;

    record Shape(String name, int layers, int dim, int ffn, int heads, int kvHeads, int vocab, boolean tied) {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"), "weft-gguf-bench");
        Files.createDirectories(dir);
        int threads = Integer.getInteger("weft.bench.threads", Runtime.getRuntime().availableProcessors());
        Shape[] shapes = {
            new Shape("SmolLM2-135M", 30, 576, 1536, 9, 3, 49152, true),
            new Shape("Llama-3.2-1B", 16, 2048, 8192, 32, 8, 128256, true),
        };
        System.out.printf(Locale.ROOT, "%d threads, %s, Java %s%n", threads, System.getProperty("os.arch"),
                Runtime.version());
        String warmFirst = System.getProperty("weft.bench.warmFirst", "");
        if (!warmFirst.isEmpty()) { // an experiment: the one-vector kernels compiled in this order first
            dev.weft.model.gguf.KernelFigures.warmOneVector(warmFirst, 3);
            System.out.println("one-vector kernels compiled first, in this order: " + warmFirst);
        }
        for (Shape shape : shapes) {
            if (!shape.name.matches(System.getProperty("weft.bench.shapes", ".*"))) {
                continue;
            }
            for (String mix : System.getProperty("weft.bench.mixes", "Q8_0,Q4_K_M").split(",")) {
                Path file = dir.resolve(shape.name + "-" + mix + ".gguf");
                if (!Files.exists(file)) {
                    write(shape, mix, file);
                }
                weft(shape, mix, file, threads);
                if (!Boolean.getBoolean("weft.bench.weftOnly")) {
                    llamaCpp(shape, mix, file, threads);
                }
            }
        }
    }

    private static void weft(Shape shape, String mix, Path file, int threads) throws Exception {
        System.gc();
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        try (GgufModel model = GgufModel.open(file, threads)) {
            double load = seconds(t0);
            String prompt = "a".repeat(PROMPT_TOKENS - 1); // one token per byte: no merges in this vocabulary
            SamplingParams greedy = SamplingParams.DEFAULTS.withTemperature(0).withMaxTokens(1).withTopLogprobs(5);
            // the JIT compiles the batched and the one-token products before anything is timed; other
            // letters than the timed prompt's, so that the tree cache does not hold its positions
            model.generate(Prompt.of("b".repeat(PROMPT_TOKENS - 1)), greedy.withMaxTokens(GENERATED));
            model.generate(Prompt.of("c".repeat(PROMPT_TOKENS - 1)), greedy.withMaxTokens(GENERATED));
            long t1 = System.nanoTime();
            long c1 = cpu();
            model.generate(Prompt.of(prompt), greedy);
            double prefill = seconds(t1);
            double prefillCpu = (cpu() - c1) / 1e9;
            long t2 = System.nanoTime();
            long c2 = cpu();
            model.generate(Prompt.of("a"), greedy.withMaxTokens(GENERATED + 1));
            double generation = seconds(t2);
            double generationCpu = (cpu() - c2) / 1e9;
            long heap = usedHeap() - heapBefore;
            System.out.printf(Locale.ROOT, "weft      %-13s %-7s load %6.2f s  prefill %7.1f tok/s  generation %6.2f tok/s"
                            + "  per CPU-second: prefill %7.1f, generation %6.2f  heap %4d MB  (%s)%n", shape.name, mix, load,
                    PROMPT_TOKENS / prefill, GENERATED / (generation - prefill / PROMPT_TOKENS * 2),
                    PROMPT_TOKENS / prefillCpu, GENERATED / (generationCpu - prefillCpu / PROMPT_TOKENS * 2),
                    heap >> 20, model.info().kernels());
        }
    }

    private static void llamaCpp(Shape shape, String mix, Path file, int threads) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LlamaCppTiming.class.getName(),
                file.toString(), String.valueOf(threads), String.valueOf(PROMPT_TOKENS), String.valueOf(GENERATED))
                .redirectErrorStream(true).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("llama.cpp")) {
                    System.out.println(line.replace("llama.cpp ", String.format(Locale.ROOT, "llama.cpp %-13s %-7s ",
                            shape.name, mix)));
                }
            }
        }
        p.waitFor();
    }

    private static long usedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * CPU time of this process so far, in nanoseconds: on a machine other work keeps busy, tokens
     * per CPU-second say more about the code than tokens per second do.
     */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void write(Shape s, String mix, Path file) throws IOException {
        long start = System.nanoTime();
        GgufWriter w = new GgufWriter();
        w.put("general.architecture", "llama").put("general.name", s.name + " (synthetic)");
        w.putU32("llama.context_length", 2048).putU32("llama.embedding_length", s.dim)
                .putU32("llama.block_count", s.layers).putU32("llama.feed_forward_length", s.ffn)
                .putU32("llama.attention.head_count", s.heads).putU32("llama.attention.head_count_kv", s.kvHeads)
                .putF32("llama.attention.layer_norm_rms_epsilon", 1e-5f).putF32("llama.rope.freq_base", 500000f);
        String[] tokens = new String[s.vocab];
        int[] types = new int[s.vocab];
        for (int i = 0; i < s.vocab; i++) {
            tokens[i] = i < 256 ? String.valueOf(byteChar(i)) : "t" + i;
            types[i] = 1;
        }
        tokens[s.vocab - 1] = "<|end_of_text|>";
        types[s.vocab - 1] = 3;
        w.put("tokenizer.ggml.model", "gpt2").put("tokenizer.ggml.pre", "llama3");
        w.putStrings("tokenizer.ggml.tokens", tokens).putInts("tokenizer.ggml.token_type", types);
        w.putStrings("tokenizer.ggml.merges", new String[0]);
        w.putU32("tokenizer.ggml.bos_token_id", s.vocab - 1).putU32("tokenizer.ggml.eos_token_id", s.vocab - 1);
        boolean q4km = mix.equals("Q4_K_M");
        GgmlType main = q4km ? GgmlType.Q4_K : GgmlType.Q8_0;
        GgmlType high = q4km ? GgmlType.Q6_K : GgmlType.Q8_0;
        SplittableRandom random = new SplittableRandom(42);
        matrix(w, "token_embd.weight", high, s.dim, s.vocab, random);
        norm(w, "output_norm.weight", s.dim);
        int q = s.dim;
        int kv = s.dim / s.heads * s.kvHeads;
        for (int l = 0; l < s.layers; l++) {
            String b = "blk." + l + ".";
            norm(w, b + "attn_norm.weight", s.dim);
            matrix(w, b + "attn_q.weight", main, s.dim, q, random);
            matrix(w, b + "attn_k.weight", main, s.dim, kv, random);
            matrix(w, b + "attn_v.weight", q4km && l % 2 == 0 ? high : main, s.dim, kv, random);
            matrix(w, b + "attn_output.weight", main, q, s.dim, random);
            norm(w, b + "ffn_norm.weight", s.dim);
            matrix(w, b + "ffn_gate.weight", main, s.dim, s.ffn, random);
            matrix(w, b + "ffn_up.weight", main, s.dim, s.ffn, random);
            matrix(w, b + "ffn_down.weight", q4km && l % 2 == 0 ? high : main, s.ffn, s.dim, random);
        }
        w.write(file);
        System.out.printf(Locale.ROOT, "wrote %s (%.2f GB) in %.1f s%n", file, Files.size(file) / 1e9, seconds(start));
    }

    private static char byteChar(int b) {
        boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        if (printable) {
            return (char) b;
        }
        int n = 0;
        for (int x = 0; x < b; x++) {
            boolean p = (x >= '!' && x <= '~') || (x >= 0xA1 && x <= 0xAC) || (x >= 0xAE && x <= 0xFF);
            if (!p) {
                n++;
            }
        }
        return (char) (256 + n);
    }

    private static void matrix(GgufWriter w, String name, GgmlType wanted, int cols, int rows, SplittableRandom r) {
        // rows that are not whole K-quant blocks fall back as llama.cpp's quantiser does: Q4_K to Q5_0, Q6_K to Q8_0
        GgmlType type = cols % wanted.blockSize() == 0 ? wanted : wanted == GgmlType.Q4_K ? GgmlType.Q5_0 : GgmlType.Q8_0;
        long size = type.bytesFor((long) cols * rows);
        SplittableRandom mine = r.split();
        w.tensor(name, type, new long[] {cols, rows}, size, out -> {
            int rowBytes = (int) type.bytesFor(cols);
            int rowsPerChunk = Math.max(1, (1 << 20) / rowBytes);
            byte[] chunk = new byte[rowsPerChunk * rowBytes];
            for (int row = 0; row < rows; row += rowsPerChunk) {
                int n = Math.min(rowsPerChunk, rows - row);
                byte[] part = n == rowsPerChunk ? chunk : new byte[n * rowBytes];
                RandomTensors.fill(type, part, mine);
                out.write(part);
            }
        });
    }

    private static void norm(GgufWriter w, String name, int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        w.tensor(name, GgmlType.F32, new long[] {n}, RandomTensors.floats(v));
    }

    /** llama.cpp's side, in a process of its own (3.4.1 can crash on close; it is never closed). */
    public static final class LlamaCppTiming {
        public static void main(String[] args) throws Exception {
            de.kherud.llama.LlamaModel.setLogger(null, (level, message) -> {});
            int threads = Integer.parseInt(args[1]);
            int promptTokens = Integer.parseInt(args[2]);
            int generated = Integer.parseInt(args[3]);
            long t0 = System.nanoTime();
            de.kherud.llama.LlamaModel model = new de.kherud.llama.LlamaModel(new de.kherud.llama.ModelParameters()
                    .setModelFilePath(args[0]).setNThreads(threads).setNThreadsBatch(threads).setNCtx(512)
                    .setNGpuLayers(0).setNBatch(512));
            double load = seconds(t0);
            StringJoiner banned = new StringJoiner(",");
            java.util.Map<Integer, Float> bias = new java.util.HashMap<>();
            for (int b = 128; b < 256; b++) {
                bias.put(b, -100f); // no token that ends inside a character: 3.4.1 aborts on them
            }
            run(model, "b".repeat(promptTokens - 1), generated, bias); // as weft's side is warmed up
            run(model, "c".repeat(promptTokens - 1), generated, bias);
            long t1 = System.nanoTime();
            long c1 = cpu();
            run(model, "a".repeat(promptTokens - 1), 1, bias);
            double prefill = seconds(t1);
            double prefillCpu = (cpu() - c1) / 1e9;
            long t2 = System.nanoTime();
            long c2 = cpu();
            run(model, "a", generated + 1, bias);
            double generation = seconds(t2);
            double generationCpu = (cpu() - c2) / 1e9;
            System.out.printf(Locale.ROOT, "llama.cpp load %6.2f s  prefill %7.1f tok/s  generation %6.2f tok/s"
                            + "  per CPU-second: prefill %7.1f, generation %6.2f%n",
                    load, promptTokens / prefill, generated / (generation - prefill / promptTokens * 2),
                    promptTokens / prefillCpu, generated / (generationCpu - prefillCpu / promptTokens * 2));
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }

        private static void run(de.kherud.llama.LlamaModel model, String prompt, int n, java.util.Map<Integer, Float> bias) {
            de.kherud.llama.InferenceParameters p = new de.kherud.llama.InferenceParameters(prompt).setNPredict(n)
                    .setTemperature(0f).setCachePrompt(false).setTokenIdBias(bias).setIgnoreEos(true);
            for (de.kherud.llama.LlamaOutput o : model.generate(p)) {
                o.toString();
            }
        }
    }
}
