package dev.weft.model.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The quantised products against dequantise-then-dot, block by block, for every type they read;
 * the Vector API kernels against the scalar ones; and a vector's result the same bits whatever
 * the batch it is computed in.
 */
class KernelsTest {
    private static final GgmlType[] QUANTISED = {
        GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q5_0, GgmlType.Q4_K, GgmlType.Q5_K, GgmlType.Q6_K};

    private final SplittableRandom random = new SplittableRandom(5);

    private float[] floats(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static List<QuantDot> implementations() {
        List<QuantDot> all = new ArrayList<>(List.of(new ScalarQuantDot()));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && VectorQuantDot.supported()) {
            all.add(new VectorQuantDot());
        }
        return all;
    }

    @Test
    void scalarDecodingIsGgmlsDequantisationBitForBit() {
        for (GgmlType type : QUANTISED) {
            int n = 4 * Math.max(256, type.blockSize());
            byte[] bytes = RandomTensors.bytes(type, n, random);
            float[] expected = new float[n];
            Dequantize.row(type, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), 0, expected, 0, n);
            float[] decoded = new float[n];
            ScalarQuantDot.decode(type, bytes, 0, n, decoded);
            assertArrayEquals(expected, decoded, type.name());
        }
    }

    @Test
    void everyBlocksProductIsDequantiseThenDot() {
        for (QuantDot quant : implementations()) {
            for (GgmlType type : QUANTISED) {
                for (int trial = 0; trial < 50; trial++) {
                    check(quant, type, type.blockSize());
                }
                check(quant, type, 2304); // several segments
                if (type.blockSize() == 32) {
                    check(quant, type, 576); // a segment of 256 values and a shorter last one
                }
            }
        }
    }

    private void check(QuantDot quant, GgmlType type, int n) {
        byte[] bytes = RandomTensors.bytes(type, n, random);
        float[] w = new float[n];
        Dequantize.row(type, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), 0, w, 0, n);
        float[] x = floats(n);
        double expected = 0;
        double magnitude = 0;
        for (int i = 0; i < n; i++) {
            expected += (double) w[i] * x[i];
            magnitude += Math.abs((double) w[i] * x[i]);
        }
        float[][] out = new float[1][1];
        quant.dot(type, bytes, 1, n, new float[][] {x}, 1, out, 0, new QuantDot.Scratch());
        assertEquals(expected, out[0][0], 1e-5 * magnitude + 1e-30, quant.describe() + " " + type + " n=" + n);
    }

    @Test
    void aVectorsResultDoesNotDependOnItsBatchNorOnTheRowsMultipliedWithIt() {
        for (QuantDot quant : implementations()) {
            for (GgmlType type : QUANTISED) {
                int n = 768;
                int rowBytes = (int) type.bytesFor(n);
                byte[] bytes = RandomTensors.bytes(type, (long) n * QuantDot.ROWS, random);
                float[][] x = {floats(n), floats(n), floats(n), floats(n), floats(n)};
                float[][] batch = new float[5][QuantDot.ROWS];
                quant.dot(type, bytes, QuantDot.ROWS, n, x, 5, batch, 0, new QuantDot.Scratch());
                QuantDot.Scratch scratch = new QuantDot.Scratch();
                for (int q = 0; q < QuantDot.ROWS; q++) {
                    byte[] row = java.util.Arrays.copyOfRange(bytes, q * rowBytes, (q + 1) * rowBytes);
                    for (int b = 0; b < 5; b++) {
                        float[][] one = new float[1][1];
                        quant.dot(type, row, 1, n, new float[][] {x[b]}, 1, one, 0, scratch);
                        assertEquals(Float.floatToIntBits(one[0][0]), Float.floatToIntBits(batch[b][q]),
                                quant.describe() + " " + type + " row " + q + " vector " + b);
                    }
                }
            }
        }
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
        for (GgmlType type : QUANTISED) {
            int n = 1536;
            byte[] bytes = RandomTensors.bytes(type, n, random);
            float[][] x = {floats(n), floats(n)};
            float[][] s = new float[2][1];
            float[][] v = new float[2][1];
            scalar.quant().dot(type, bytes, 1, n, x, 2, s, 0, new QuantDot.Scratch());
            vector.quant().dot(type, bytes, 1, n, x, 2, v, 0, new QuantDot.Scratch());
            assertEquals(s[0][0], v[0][0], 1e-5 * Math.max(1, Math.abs(s[0][0])), type.name());
            assertEquals(s[1][0], v[1][0], 1e-5 * Math.max(1, Math.abs(s[1][0])), type.name());
        }
    }

    @Test
    void matrixProductsAreTheRowsProductsOnAnyNumberOfThreads() {
        for (GgmlType type : new GgmlType[] {GgmlType.Q4_K, GgmlType.Q5_0, GgmlType.F16}) {
            int cols = 512;
            int rows = 301; // not a whole number of row groups
            byte[] bytes = RandomTensors.bytes(type, (long) cols * rows, random);
            Tensor w = new Tensor("w", type, new long[] {cols, rows}, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
            float[][] x = {floats(cols), floats(cols), floats(cols)};
            float[][] one = new float[3][rows];
            float[][] two = new float[3][rows];
            try (MatMul serial = new MatMul(1, FloatKernels.best()); MatMul parallel = new MatMul(2, FloatKernels.best())) {
                serial.apply(w, x, 3, one);
                parallel.apply(w, x, 3, two);
            }
            float[] row = new float[cols];
            for (int r = 0; r < rows; r++) {
                w.row(r, row);
                for (int b = 0; b < 3; b++) {
                    double expected = 0;
                    for (int i = 0; i < cols; i++) {
                        expected += (double) row[i] * x[b][i];
                    }
                    assertEquals(expected, one[b][r], 1e-4 * Math.max(1, Math.abs(expected)), type + " row " + r);
                }
            }
            for (int b = 0; b < 3; b++) {
                assertArrayEquals(one[b], two[b], type.name());
            }
        }
    }
}
