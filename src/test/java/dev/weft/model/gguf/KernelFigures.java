package dev.weft.model.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Figures for the matrix products alone: each quantised type, the scalar and the Vector API
 * kernels, one vector (generation) and a batch of 32 (prefill), on a 2048 x 8192 matrix (a
 * Llama-3.2-1B feed-forward one). Weights GB/s and multiply-adds per second (the mean and the fastest product), after 3 seconds of warm-up each. With one thread the time is this thread's CPU time, so a busy machine
 * changes it less. Not a test:
 * {@code java --add-modules jdk.incubator.vector -cp ... dev.weft.model.gguf.KernelFigures [THREADS]}.
 */
public final class KernelFigures {
    private static final java.lang.management.ThreadMXBean THREAD = java.lang.management.ManagementFactory.getThreadMXBean();

    private KernelFigures() {}

    /**
     * Runs the one-vector products of each type in {@code types} (comma-separated, in that order)
     * for {@code seconds} each on one thread, so that the JIT compiles their kernels in that order:
     * GgufFigures' {@code -Dweft.bench.warmFirst=Q6_K,Q4_K} (see README "Benchmarks": compiled
     * after the Q4_K kernel, the Q6_K one ran 2-3 times slower).
     */
    public static void warmOneVector(String types, double seconds) {
        SplittableRandom random = new SplittableRandom(1);
        int cols = 2048;
        int rows = 1024;
        float[][] x = new float[1][cols];
        for (int i = 0; i < cols; i++) {
            x[0][i] = (float) random.nextGaussian();
        }
        float[][] out = new float[1][rows];
        for (String name : types.split(",")) {
            GgmlType type = GgmlType.valueOf(name.trim());
            byte[] bytes = RandomTensors.bytes(type, (long) cols * rows, random);
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.LITTLE_ENDIAN);
            direct.put(bytes).clear();
            Tensor w = new Tensor("w", type, new long[] {cols, rows}, direct);
            try (MatMul mm = new MatMul(1, FloatKernels.best())) {
                for (long until = System.nanoTime() + (long) (seconds * 1e9); System.nanoTime() < until; ) {
                    mm.apply(w, x, 1, out);
                }
            }
        }
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        String only = System.getProperty("weft.bench.types", ".*");
        boolean cpu = threads == 1; // then the products run on this thread: its CPU time, whatever else runs
        int cols = 2048;
        int rows = 8192;
        SplittableRandom random = new SplittableRandom(1);
        float[][] x = new float[32][cols];
        for (float[] v : x) {
            for (int i = 0; i < cols; i++) {
                v[i] = (float) random.nextGaussian();
            }
        }
        float[][] out = new float[32][rows];
        System.out.printf(Locale.ROOT, "%d threads, %d x %d, Java %s%n", threads, rows, cols, Runtime.version());
        FloatKernels[] kernels = FloatKernels.best() instanceof ScalarKernels
                ? new FloatKernels[] {new ScalarKernels()}
                : new FloatKernels[] {new ScalarKernels(), FloatKernels.best()};
        for (GgmlType type : GgmlType.values()) {
            if (!QuantDot.handles(type) || !type.name().matches(only)) {
                continue;
            }
            byte[] bytes = RandomTensors.bytes(type, (long) cols * rows, random);
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.LITTLE_ENDIAN);
            direct.put(bytes).clear();
            Tensor w = new Tensor("w", type, new long[] {cols, rows}, direct);
            for (FloatKernels k : kernels) {
                try (MatMul mm = new MatMul(threads, k)) {
                    for (int count : new int[] {1, 32}) {
                        int reps = count == 1 ? 200 : 8;
                        // warmed up for 3 s: on a busy machine the JIT takes that long to compile the kernels
                        for (long until = System.nanoTime() + 3_000_000_000L; System.nanoTime() < until; ) {
                            mm.apply(w, x, count, out);
                        }
                        // each product timed alone: the mean, and the fastest (what other processes slowed least)
                        double[] each = new double[reps];
                        for (int rep = 0; rep < reps; rep++) {
                            long t0 = cpu ? THREAD.getCurrentThreadCpuTime() : System.nanoTime();
                            mm.apply(w, x, count, out);
                            each[rep] = ((cpu ? THREAD.getCurrentThreadCpuTime() : System.nanoTime()) - t0) / 1e9;
                        }
                        double s = java.util.Arrays.stream(each).average().orElseThrow();
                        double fastest = java.util.Arrays.stream(each).min().orElseThrow();
                        System.out.printf(Locale.ROOT, "%-5s %-22s batch %2d  %7.2f ms  %6.2f GB/s of weights  %6.2f G mul-add/s"
                                        + "  (fastest %6.2f)%n",
                                type, k.quant().describe(), count, s * 1e3, bytes.length / s / 1e9,
                                (double) cols * rows * count / s / 1e9, (double) cols * rows * count / fastest / 1e9);
                    }
                }
            }
        }
    }
}
