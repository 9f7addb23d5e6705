package dev.weft.model.gguf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a batch costs in the weight products against one vector: the limit of the tree cache's
 * figures (b) (8 siblings in one pass over the weights) and (a) (a prompt position against a
 * generated one). Each matrix of a SmolLM2-135M and a Llama-3.2-1B layer shape and the output
 * projection, on one thread, in this thread's CPU time (the best of four rounds), so other work
 * on the machine changes it little. Not a test:
 * {@code java --add-modules jdk.incubator.vector -cp ... dev.weft.model.gguf.BatchScalingFigures [TYPE]}.
 */
public final class BatchScalingFigures {
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private BatchScalingFigures() {}

    public static void main(String[] args) {
        GgmlType type = GgmlType.valueOf(args.length > 0 ? args[0] : "Q8_0");
        int[][] shapes = {{576, 1536}, {1536, 576}, {576, 49152}, {2048, 8192}, {8192, 2048}};
        System.out.printf(Locale.ROOT, "%s, one thread, %s; batch n costs (x one vector)%n", type,
                FloatKernels.best().describe());
        for (int[] s : shapes) {
            int cols = s[0];
            int rows = s[1];
            if (cols % type.blockSize() != 0) {
                System.out.printf(Locale.ROOT, "%5d x %-5d not whole %s blocks (the file keeps such a matrix in another type)%n",
                        rows, cols, type);
                continue;
            }
            SplittableRandom random = new SplittableRandom(1);
            float[][] x = new float[32][cols];
            for (float[] v : x) {
                for (int i = 0; i < cols; i++) {
                    v[i] = (float) random.nextGaussian();
                }
            }
            float[][] out = new float[32][rows];
            byte[] bytes = RandomTensors.bytes(type, (long) cols * rows, random);
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.LITTLE_ENDIAN);
            direct.put(bytes).clear();
            Tensor w = new Tensor("w", type, new long[] {cols, rows}, direct);
            int[] counts = {1, 2, 4, 8, 32};
            double[] best = new double[counts.length];
            try (MatMul mm = new MatMul(1, FloatKernels.best())) {
                for (int round = 0; round < 5; round++) {
                    for (int c = 0; c < counts.length; c++) {
                        int reps = Math.max(2, (int) (2e8 / ((double) cols * rows * counts[c])));
                        long t0 = THREAD.getCurrentThreadCpuTime();
                        for (int i = 0; i < reps; i++) {
                            mm.apply(w, x, counts[c], out);
                        }
                        double sec = (THREAD.getCurrentThreadCpuTime() - t0) / 1e9 / reps;
                        if (round > 0 && (best[c] == 0 || sec < best[c])) {
                            best[c] = sec; // round 0 warms up
                        }
                    }
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5d x %-5d one %7.3f ms", rows, cols,
                    best[0] * 1e3));
            for (int c = 1; c < counts.length; c++) {
                line.append(String.format(Locale.ROOT, "  %2d: %5.2fx", counts[c], best[c] / best[0]));
            }
            line.append(String.format(Locale.ROOT, "  (a position of 32: %.2f of one)", best[4] / best[0] / 32));
            System.out.println(line);
        }
    }
}
