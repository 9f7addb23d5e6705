package dev.weft.bench;

import dev.weft.analysis.CandidateScoring;
import dev.weft.analysis.CandidateSet;
import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseExpansion;
import dev.weft.analysis.MultiverseSettings;
import dev.weft.analysis.NextTokens;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Completion;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.model.gguf.GgmlType;
import dev.weft.model.gguf.GgufModel;
import dev.weft.model.KvCacheStats;
import dev.weft.model.gguf.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The tree cache's figures, side by side for a SmolLM2-135M-shaped and a Llama-3.2-1B-shaped
 * file (random Q8_0 weights, the real shapes and vocabulary sizes): (a) regenerate 32 tokens from
 * position 400 of a 512-token path, tree cache vs recomputing the prefix; (b) 8 siblings of 64
 * tokens as one batch vs one sibling vs 8 one after the other; (c) a depth-4 top-5 multiverse
 * and {@code dist} over 0..100: positions computed and wall time, tree cache vs no cache, beside
 * the positions a cached implementation must compute. Each figure is one timed run after a
 * warm-up (these runs take seconds to minutes, so JMH's repetitions would add nothing but time).
 *
 * <pre>mvn -q -o test-compile exec:exec -Pbench ... or:
 * java -Xmx6g --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:DEPS \
 *      dev.weft.bench.TreeCacheFigures [smollm|llama1b ...]</pre>
 */
public final class TreeCacheFigures {
    private static final GgmlType TYPE = GgmlType.Q8_0;
    private static final String TEXT = "The cat sat on the mat; then the dog and the cat ate the food in the house, "
            + "and there was nothing left for the others. ";

    record Shape(String name, int dim, int ffn, int layers, int heads, int kvHeads, int vocab, boolean tied) {}

    static final Shape SMOLLM = new Shape("SmolLM2-135M", 576, 1536, 30, 9, 3, 49152, true);
    static final Shape LLAMA_1B = new Shape("Llama-3.2-1B", 2048, 8192, 16, 32, 8, 128256, true);

    private TreeCacheFigures() {}

    public static void main(String[] args) throws Exception {
        List<Shape> shapes = new ArrayList<>();
        for (String a : args.length == 0 ? new String[] {"smollm", "llama1b"} : args) {
            shapes.add(a.startsWith("llama") ? LLAMA_1B : SMOLLM);
        }
        List<String[]> table = new ArrayList<>();
        for (Shape shape : shapes) {
            table.addAll(run(shape));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-14s %-44s %12s %12s %10s%n", "model", "figure", "tree cache", "no cache",
                "ratio");
        for (String[] row : table) {
            System.out.printf(Locale.ROOT, "%-14s %-44s %12s %12s %10s%n", (Object[]) row);
        }
    }

    private static Path file(Shape s) throws IOException {
        // -Dfigures.smollm=FILE / -Dfigures.llama1b=FILE: a model file of that shape (a real one, say) instead
        String given = System.getProperty(s == LLAMA_1B ? "figures.llama1b" : "figures.smollm");
        if (given != null) {
            return Path.of(given);
        }
        Path dir = Path.of("target", "figures");
        Files.createDirectories(dir);
        Path file = dir.resolve(s.name() + "-" + TYPE + ".gguf");
        if (Files.exists(file)) {
            return file;
        }
        TinyModels.Vocab base = TinyModels.vocabulary("gpt2", "smollm");
        int n = s.vocab();
        String[] tokens = Arrays.copyOf(base.tokens(), n);
        int[] types = Arrays.copyOf(base.types(), n);
        for (int i = base.tokens().length; i < n; i++) {
            tokens[i] = "zzpad" + i; // ordinary tokens the merges never make: the vocabulary has its real size
            types[i] = 1;
        }
        TinyModels.Vocab vocab = new TinyModels.Vocab(base.model(), base.pre(), tokens, types, null, base.merges(),
                base.bos(), base.eos(), base.addBos());
        TinyModels.Spec spec = TinyModels.Spec.of("llama", TYPE, "gpt2").tied(s.tied())
                .shape(s.dim(), s.ffn(), s.layers(), s.heads(), s.kvHeads(), s.dim() / s.heads());
        System.err.println("writing " + file + " ...");
        return TinyModels.writer(spec, vocab).write(file);
    }

    private static List<String[]> run(Shape shape) throws Exception {
        Path file = file(shape);
        List<String[]> rows = new ArrayList<>() {
            @Override
            public boolean add(String[] row) {
                System.err.println(String.join(" | ", row)); // as it is measured: the long runs show progress
                return super.add(row);
            }
        };
        try (GgufModel model = GgufModel.open(file)) {
            long budget = 2L << 30;
            List<Piece> path = new ArrayList<>();
            int bos = model.tokenizer().addsBos() ? 1 : 0;
            int[] ids = model.tokenizer().encode(TEXT.repeat(20), true);
            for (int i = 0; path.size() < 512 - bos; i++) {
                path.add(Piece.ofBytes(model.tokenizer().piece(ids[i]))); // a path of the loom: one piece a token
            }
            Prompt warm = new Prompt(path.subList(0, 24));
            model.generate(warm, params(1, 8, 0)); // JIT warm-up
            boolean onlyDist = Boolean.getBoolean("figures.dist");
            if (!onlyDist) {
            // (a) regenerate 32 tokens from position 400 of a 512-token path
            Prompt at400 = new Prompt(path.subList(0, 400 - bos));
            SamplingParams a = params(1, 32, 3);
            model.cacheBudget(0);
            Measured uncached = measure(model, () -> model.generate(at400, a));
            model.cacheBudget(budget);
            model.score(new Prompt(path), "", 0); // the path as the loom has it: every position cached
            Measured cached = measure(model, () -> model.generate(at400, a));
            rows.add(row(shape, "(a) regenerate 32 from 400 of 512: time", cached, uncached));
            rows.add(cpu(shape, "(a)   CPU time", cached, uncached));
            rows.add(new String[] {shape.name(), "(a)   positions computed", "" + cached.computed,
                "" + uncached.computed, ""});
            // (b) 8 siblings of 64 tokens
            Prompt p64 = new Prompt(path.subList(0, 64 - bos));
            model.score(p64, "", 0);
            Measured batched = measure(model, () -> model.generate(p64, params(8, 64, 5)));
            Measured one = measure(model, () -> model.generate(p64, params(1, 64, 6)));
            Measured sequential = measure(model, () -> {
                List<Completion> all = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    all.addAll(model.generate(p64, params(1, 64, 10 + i)));
                }
                return all;
            });
            rows.add(new String[] {shape.name(), "(b) 8 siblings x 64: batched vs 8 in turn", seconds(batched.nanos),
                seconds(sequential.nanos), ratio(sequential.nanos, batched.nanos)});
            rows.add(new String[] {shape.name(), "(b)   one sibling of 64; batched / one", seconds(one.nanos), "",
                String.format(Locale.ROOT, "%.2fx", batched.nanos / (double) one.nanos)});
            rows.add(new String[] {shape.name(), "(b)   CPU time: batched, one; batched / one", seconds(batched.cpuNanos),
                seconds(one.cpuNanos), String.format(Locale.ROOT, "%.2fx", batched.cpuNanos / (double) one.cpuNanos)});
            if (Boolean.getBoolean("figures.ab")) {
                return rows; // (a) and (b) only, for a quick look
            }
            // (c) a depth-4, top-5 multiverse and dist over 0..100
            Prompt p16 = new Prompt(path.subList(0, 16 - bos));
            int promptPositions = 16;
            MultiverseSettings settings = new MultiverseSettings(4, 5, 0.0);
            model.cacheBudget(0);
            Measured mvUncached = measure(model, () -> MultiverseExpansion.expand(NextTokens.of(model), p16, settings));
            model.cacheBudget(budget);
            Measured mvCached = measure(model, () -> MultiverseExpansion.expand(NextTokens.of(model), p16, settings));
            int calls = ((Multiverse) mvCached.result).modelCalls();
            rows.add(row(shape, "(c) multiverse depth 4 top 5: time", mvCached, mvUncached));
            rows.add(cpu(shape, "(c)   CPU time", mvCached, mvUncached));
            rows.add(new String[] {shape.name(), "(c)   positions computed (must: " + (promptPositions + calls - 1) + ")",
                "" + mvCached.computed, "" + mvUncached.computed, ""});
            }
            List<String> candidates = CandidateSet.parse("0..100");
            int must = 16; // the prompt once (its last position gives every candidate's first token)
            for (String c : candidates) {
                must += model.tokenizer().encode(" " + c, false).length - 1;
            }
            Prompt distPrompt = new Prompt(path.subList(32, 48 - bos));
            model.cacheBudget(0);
            // without the cache, each candidate is scored on its own: the prompt is computed again each time
            Measured dUncached = measure(model, () -> {
                List<Double> out = new ArrayList<>();
                for (String c : candidates) {
                    out.add(model.score(distPrompt, " " + c, 0).logprob());
                }
                return out;
            });
            model.cacheBudget(budget);
            Measured dCached = measure(model, () -> CandidateScoring.score(model, distPrompt, candidates, " "));
            rows.add(row(shape, "(c) dist 0..100: time", dCached, dUncached));
            rows.add(cpu(shape, "(c)   CPU time", dCached, dUncached));
            rows.add(new String[] {shape.name(), "(c)   positions computed (must: " + must + ")",
                "" + dCached.computed, "" + dUncached.computed, ""});
            System.err.println(shape.name() + ": " + model.cacheStats().summary());
        }
        return rows;
    }

    private static SamplingParams params(int n, int tokens, long seed) {
        return SamplingParams.DEFAULTS.withTemperature(1.0).withMaxTokens(tokens).withN(n).withSeed(seed)
                .withTopLogprobs(5);
    }

    interface Work {
        Object run() throws ModelException;
    }

    /** Wall time, and the process's CPU time (all threads): on a machine others share, the work done. */
    record Measured(long nanos, long cpuNanos, long computed, Object result) {}

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private static Measured measure(GgufModel model, Work work) throws ModelException {
        KvCacheStats before = model.cacheStats();
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        Object result = work.run();
        long nanos = System.nanoTime() - start;
        return new Measured(nanos, OS.getProcessCpuTime() - cpu, model.cacheStats().computed() - before.computed(), result);
    }

    private static String[] cpu(Shape s, String what, Measured cached, Measured uncached) {
        return new String[] {s.name(), what, seconds(cached.cpuNanos), seconds(uncached.cpuNanos),
            ratio(uncached.cpuNanos, cached.cpuNanos)};
    }

    private static String[] row(Shape s, String what, Measured cached, Measured uncached) {
        return new String[] {s.name(), what, seconds(cached.nanos), seconds(uncached.nanos),
            ratio(uncached.nanos, cached.nanos)};
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    private static String ratio(long slow, long fast) {
        return String.format(Locale.ROOT, "%.1fx", slow / (double) fast);
    }
}
