package dev.weft.model.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The Vector API kernels give what the scalar ones give, and the fused Q8_0 product what dequantising first gives. */
class KernelsTest {
    private final SplittableRandom random = new SplittableRandom(5);

    private float[] floats(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    @Test
    void fusedQ8_0DotEqualsDequantiseThenDot() {
        int n = 256;
        ByteBuffer row = ByteBuffer.wrap(RandomTensors.bytes(GgmlType.Q8_0, n, random)).order(ByteOrder.LITTLE_ENDIAN);
        float[] x = floats(n);
        float[] dequantised = new float[n];
        Dequantize.row(GgmlType.Q8_0, row, 0, dequantised, 0, n);
        double expected = 0;
        for (int i = 0; i < n; i++) {
            expected += (double) dequantised[i] * x[i];
        }
        ScalarKernels scalar = new ScalarKernels();
        assertEquals(expected, scalar.dotQ8_0(row, 0, x, n), 1e-4 * Math.max(1, Math.abs(expected)));
        assertEquals(expected, scalar.dot(dequantised, 0, x, 0, n), 1e-4 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void vectorKernelsAgreeWithScalarOnes() {
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "run with --add-modules jdk.incubator.vector");
        FloatKernels vector = new VectorKernels();
        FloatKernels scalar = new ScalarKernels();
        for (int n : new int[] {1, 7, 16, 64, 100, 576}) {
            float[] a = floats(n + 3);
            float[] b = floats(n + 5);
            assertEquals(scalar.dot(a, 3, b, 5, n), vector.dot(a, 3, b, 5, n), 1e-4 * n);
            float[] y1 = floats(n);
            float[] y2 = y1.clone();
            scalar.axpy(0.5f, a, 1, y1, 0, n);
            vector.axpy(0.5f, a, 1, y2, 0, n);
            for (int i = 0; i < n; i++) {
                assertEquals(y1[i], y2[i], 1e-5);
            }
        }
        int n = 576;
        ByteBuffer row = ByteBuffer.wrap(RandomTensors.bytes(GgmlType.Q8_0, 2L * n, random)).order(ByteOrder.LITTLE_ENDIAN);
        float[] x = floats(n);
        int second = (int) GgmlType.Q8_0.bytesFor(n);
        assertEquals(scalar.dotQ8_0(row, second, x, n), vector.dotQ8_0(row, second, x, n), 1e-4);
    }
}
