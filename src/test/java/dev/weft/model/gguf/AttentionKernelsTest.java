package dev.weft.model.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Attention's kernels are the per-position calls they replaced, bit for bit: the scores
 * ({@link FloatKernels#scores}) are dots times the scale, the weighted sum of value rows
 * ({@link FloatKernels#weightedSum}) the axpys in position order, only kept in registers. So a
 * cached position's keys and values, and every distribution, are unchanged.
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

    @Test
    void scoresAreEachADotTimesTheScaleOnBothKernels() {
        checkScores(new ScalarKernels());
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "run with --add-modules jdk.incubator.vector");
        checkScores(new VectorKernels());
    }

    private void checkScores(FloatKernels k) {
        for (int n : new int[] {7, 16, 32, 64, 72, 128}) {
            for (int count : new int[] {1, 3, 400}) {
                float[][] rows = new float[count + 2][];
                for (int t = 0; t < rows.length; t++) {
                    rows[t] = floats(n + 70);
                }
                float[] q = floats(n + 11);
                float[] out = new float[count + 5];
                k.scores(q, 11, rows, count, 70, n, 0.125f, out);
                for (int t = 0; t < count; t++) {
                    assertEquals(Float.floatToIntBits(k.dot(q, 11, rows[t], 70, n) * 0.125f), Float.floatToIntBits(out[t]),
                            k.describe() + " n " + n + " position " + t);
                }
            }
        }
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
