package dev.weft.model.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Attention's weighted sum of value rows ({@link FloatKernels#weightedSum}) is the sum of
 * {@code axpy}s it replaced, bit for bit: the same multiply-adds in position order, only kept in
 * registers. So a cached position's keys and values, and every distribution, are unchanged.
 */
class AttentionKernelsTest {
    private final SplittableRandom random = new SplittableRandom(16);

    @Test
    void weightedSumIsTheAxpysInPositionOrderOnBothKernels() {
        check(new ScalarKernels());
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "run with --add-modules jdk.incubator.vector");
        check(new VectorKernels());
    }

    private void check(FloatKernels k) {
        for (int n : new int[] {1, 7, 16, 64, 72, 128}) {
            for (int count : new int[] {1, 2, 33, 400}) {
                int offset = 5;
                float[][] rows = new float[count + 3][]; // longer than count, as a cache's arrays are
                for (int t = 0; t < rows.length; t++) {
                    rows[t] = floats(offset + n + 2);
                }
                float[] weights = floats(count + 4);
                float[] expected = floats(n + 9);
                float[] actual = expected.clone();
                java.util.Arrays.fill(expected, 3, 3 + n, 0f);
                for (int t = 0; t < count; t++) {
                    k.axpy(weights[t], rows[t], offset, expected, 3, n);
                }
                k.weightedSum(weights, rows, count, offset, actual, 3, n);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                            k.describe() + " n " + n + " count " + count + " at " + i);
                }
            }
        }
    }

    private float[] floats(int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return f;
    }
}
