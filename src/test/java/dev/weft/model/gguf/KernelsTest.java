package dev.weft.model.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The integer products against dequantise-then-dot (the weights as ggml dequantises them, the
 * activations as their 8-bit quantisation stands for), block by block, for every type they read;
 * the activations' quantisation against ggml's reference definitions; the Vector API kernels
 * against the scalar ones; and a vector's result the same bits whatever the batch it is computed in.
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

    private static Q8Activations quantise(GgmlType type, float[]... x) {
        return Q8Activations.of(Q8Activations.formatFor(type), x, x.length, x[0].length);
    }

    /** What vector b's quantised values stand for: q * d. */
    private static double[] dequantised(Q8Activations a, int b) {
        double[] v = new double[a.cols];
        for (int i = 0; i < a.cols; i++) {
            v[i] = a.q[b][i] * (double) a.d[b][i / a.format.block];
        }
        return v;
    }

    @Test
    void unpackedIntegersTimesTheirScalesAreGgmlsDequantisationBitForBit() {
        for (GgmlType type : QUANTISED) {
            int n = 256;
            byte[] bytes = RandomTensors.bytes(type, n, random);
            float[] expected = new float[n];
            Dequantize.row(type, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), 0, expected, 0, n);
            QuantDot.Scratch s = new QuantDot.Scratch();
            ScalarQuantDot.unpack(type, bytes, 0, n, s, 1);
            float[] actual = new float[n];
            for (int i = 0; i < n; i++) {
                short v = s.values[QuantDot.SEGMENT + i];
                actual[i] = switch (type) {
                    case Q4_K, Q5_K -> s.d[1] * s.pairScales[QuantDot.SEGMENT / 2 + i / 2] * v - s.dmin[1] * s.mins[8 + i / 32];
                    case Q6_K -> s.d[1] * s.pairScales[QuantDot.SEGMENT / 2 + i / 2] * v;
                    default -> v * s.blockScales[8 + i / 32];
                };
            }
            assertArrayEquals(expected, actual, type.name());
        }
    }

    @Test
    void activationsAreQuantisedAsGgmlsReferenceDoes() {
        // quantize_row_q8_0_ref: d = amax / 127 stored as a half, q = roundf(x / d), half away from zero
        float[] x = new float[32];
        x[0] = 127f; // d = 1 exactly, so the ties below are exact
        x[1] = -63.5f;
        x[2] = 0.5f;
        x[3] = 2.5f;
        x[4] = -0.49f;
        Q8Activations a = Q8Activations.of(Q8Activations.Format.Q8_0, new float[][] {x}, 1, 32);
        assertEquals(1f, a.d[0][0]);
        assertArrayEquals(new short[] {127, -64, 1, 3, 0}, java.util.Arrays.copyOf(a.q[0], 5));
        float[] y = floats(32);
        Q8Activations c = Q8Activations.of(Q8Activations.Format.Q8_0, new float[][] {y}, 1, 32);
        float amax = 0;
        for (float v : y) {
            amax = Math.max(amax, Math.abs(v));
        }
        assertEquals(Half.toFloat(Half.fromFloat(amax / 127)), c.d[0][0]);
        for (int i = 0; i < 32; i++) {
            float v = y[i] * (1 / (amax / 127));
            assertEquals(Math.signum(v) * Math.floor(Math.abs(v) + 0.5), c.q[0][i], "value " + i);
        }
        // quantize_row_q8_K_ref: the value of largest magnitude gets -127 (iscale = -127 / max, d = 1 / iscale), nearest even
        float[] k = floats(512);
        k[300] = -9f;
        Q8Activations b = Q8Activations.of(Q8Activations.Format.Q8_K, new float[][] {k}, 1, 512);
        assertEquals(-127, b.q[0][300]);
        assertEquals(1 / (-127f / -9f), b.d[0][1]);
        for (int j = 0; j < 16; j++) {
            int sum = 0;
            for (int i = 0; i < 32; i++) {
                sum += b.q[0][32 * j + i];
            }
            assertEquals(sum, b.sums[0][j]);
        }
        for (int i = 0; i < 512; i++) {
            float scale = -127f / (i < 256 ? maxByMagnitude(k, 0) : -9f);
            assertEquals((int) Math.rint(scale * k[i]), b.q[0][i], "value " + i);
        }
        // an all-zero block: scale 0, values 0
        Q8Activations zero = Q8Activations.of(Q8Activations.Format.Q8_K, new float[][] {new float[256]}, 1, 256);
        assertEquals(0f, zero.d[0][0]);
    }

    private static float maxByMagnitude(float[] x, int from) {
        float max = 0;
        for (int i = from; i < from + 256; i++) {
            if (Math.abs(x[i]) > Math.abs(max)) {
                max = x[i];
            }
        }
        return max;
    }

    @Test
    void halvesRoundToNearestEven() {
        for (int h = 0; h < 1 << 16; h++) {
            float f = Half.toFloat((short) h);
            if (!Float.isNaN(f)) {
                assertEquals((short) h, Half.fromFloat(f), "half " + Integer.toHexString(h));
            }
        }
        for (int i = 0; i < 100_000; i++) {
            float f = (float) (random.nextGaussian() * Math.pow(2, random.nextInt(-26, 15)));
            if (Math.abs(f) >= 65520) { // past the largest half and half a step: infinity
                assertTrue(Float.isInfinite(Half.toFloat(Half.fromFloat(f))));
                continue;
            }
            float h = Half.toFloat(Half.fromFloat(f));
            short next = (short) (Half.fromFloat(f) + (Math.abs(h) < Math.abs(f) ? 1 : -1));
            float other = Half.toFloat(next);
            assertTrue(Math.abs(f - h) <= Math.abs(f - other), f + " -> " + h + ", not " + other);
        }
        assertEquals((short) 0x7c00, Half.fromFloat(1e6f));
        assertEquals(0x3c00, Half.fromFloat(1.0f));
        assertEquals(0x3c00, Half.fromFloat(1.0f + 0x1p-11f)); // a tie: to even
        assertEquals(0x3c02, Half.fromFloat(1.0f + 3 * 0x1p-11f)); // a tie: to even, upwards
    }

    @Test
    void everyBlocksProductIsTheDequantisedProduct() {
        for (QuantDot quant : implementations()) {
            for (GgmlType type : QUANTISED) {
                for (int trial = 0; trial < 50; trial++) {
                    check(quant, type, 256);
                }
                check(quant, type, 2304); // several segments
                if (type.blockSize() == 32) {
                    check(quant, type, 32);
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
        if (random.nextInt(4) == 0) {
            x[random.nextInt(n)] = 40; // one outlier, as real activations have
        }
        Q8Activations a = quantise(type, x);
        double[] xq = dequantised(a, 0);
        double expected = 0;
        double magnitude = 0;
        for (int i = 0; i < n; i++) {
            expected += w[i] * xq[i];
            magnitude += Math.abs(w[i] * xq[i]);
            assertTrue(Math.abs(xq[i] - x[i]) <= Math.abs(a.d[0][i / a.format.block]) * 0.5001 + 1e-3 * Math.abs(x[i]), "activation " + i);
        }
        float[][] out = new float[1][1];
        quant.dot(type, bytes, 1, n, a, out, 0, new QuantDot.Scratch());
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
                quant.dot(type, bytes, QuantDot.ROWS, n, quantise(type, x), batch, 0, new QuantDot.Scratch());
                QuantDot.Scratch scratch = new QuantDot.Scratch();
                for (int q = 0; q < QuantDot.ROWS; q++) {
                    byte[] row = java.util.Arrays.copyOfRange(bytes, q * rowBytes, (q + 1) * rowBytes);
                    for (int b = 0; b < 5; b++) {
                        float[][] one = new float[1][1];
                        quant.dot(type, row, 1, n, quantise(type, x[b]), one, 0, scratch);
                        assertEquals(Float.floatToIntBits(one[0][0]), Float.floatToIntBits(batch[b][q]),
                                quant.describe() + " " + type + " row " + q + " vector " + b);
                    }
                }
            }
        }
    }

    @Test
    void oneVectorsFusedProductHasTheBitsOfTheSameVectorInABatch() {
        // VectorSingleDot (16 float lanes) unpacks, scales and multiplies in registers: every scale byte and
        // every row count must give what the batched kernels give that vector, bit for bit
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && VectorQuantDot.supported(), "run with --add-modules jdk.incubator.vector");
        QuantDot quant = new VectorQuantDot();
        for (GgmlType type : QUANTISED) {
            if (!VectorSingleDot.handles(type)) {
                continue;
            }
            for (int trial = 0; trial < 40; trial++) {
                int n = type.blockSize() == 32 ? 32 * (1 + random.nextInt(24)) : 256 * (1 + random.nextInt(9));
                int rows = 1 + random.nextInt(QuantDot.ROWS);
                byte[] bytes = RandomTensors.bytes(type, (long) n * rows, random);
                float[][] x = {floats(n), floats(n)};
                float[][] batch = new float[2][QuantDot.ROWS];
                quant.dot(type, bytes, rows, n, quantise(type, x), batch, 0, new QuantDot.Scratch());
                float[][] one = new float[1][QuantDot.ROWS];
                quant.dot(type, bytes, rows, n, quantise(type, x[0]), one, 0, new QuantDot.Scratch());
                for (int q = 0; q < rows; q++) {
                    assertEquals(Float.floatToIntBits(batch[0][q]), Float.floatToIntBits(one[0][q]),
                            type + " n=" + n + " row " + q + " of " + rows);
                }
            }
        }
    }

    @Test
    void everyBatchSizeAndRowCountGivesEachVectorTheBitsItHasAlone() {
        // batches of 2-9 go through blocks of four and two vectors and single ones; three rows take another path
        for (QuantDot quant : implementations()) {
            for (GgmlType type : QUANTISED) {
                int n = type.blockSize() == 32 ? 576 : 768; // 576: a last segment of 64 values
                int rowBytes = (int) type.bytesFor(n);
                byte[] bytes = RandomTensors.bytes(type, (long) n * QuantDot.ROWS, random);
                float[][] x = new float[9][];
                for (int b = 0; b < x.length; b++) {
                    x[b] = floats(n);
                }
                float[][] alone = new float[x.length][QuantDot.ROWS];
                QuantDot.Scratch scratch = new QuantDot.Scratch();
                for (int q = 0; q < QuantDot.ROWS; q++) {
                    byte[] row = java.util.Arrays.copyOfRange(bytes, q * rowBytes, (q + 1) * rowBytes);
                    for (int b = 0; b < x.length; b++) {
                        float[][] one = new float[1][1];
                        quant.dot(type, row, 1, n, quantise(type, x[b]), one, 0, scratch);
                        alone[b][q] = one[0][0];
                    }
                }
                for (int count = 2; count <= x.length; count++) {
                    for (int rows : new int[] {QuantDot.ROWS, QuantDot.ROWS - 1}) {
                        float[][] batch = new float[count][QuantDot.ROWS];
                        Q8Activations a = quantise(type, java.util.Arrays.copyOf(x, count));
                        quant.dot(type, bytes, rows, n, a, batch, 0, scratch);
                        for (int b = 0; b < count; b++) {
                            for (int q = 0; q < rows; q++) {
                                assertEquals(Float.floatToIntBits(alone[b][q]), Float.floatToIntBits(batch[b][q]),
                                        quant.describe() + " " + type + " batch " + count + " of " + rows
                                                + " rows, row " + q + " vector " + b);
                            }
                        }
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
            byte[] bytes = RandomTensors.bytes(type, (long) n * 3, random);
            Q8Activations x = quantise(type, floats(n), floats(n));
            float[][] s = new float[2][3];
            float[][] v = new float[2][3];
            scalar.quant().dot(type, bytes, 3, n, x, s, 0, new QuantDot.Scratch());
            vector.quant().dot(type, bytes, 3, n, x, v, 0, new QuantDot.Scratch());
            for (int b = 0; b < 2; b++) {
                for (int q = 0; q < 3; q++) {
                    assertEquals(s[b][q], v[b][q], 1e-5 * Math.max(1, Math.abs(s[b][q])), type.name());
                }
            }
        }
    }

    @Test
    void matricesSharingTheirVectorsGiveTheProductsEachGivesAlone() {
        // the vectors quantised once for all the matrices of a format (a layer's q, k, v): the same bits
        int cols = 512;
        GgmlType[] types = {GgmlType.Q8_0, GgmlType.Q4_K, GgmlType.Q5_0, GgmlType.F16, GgmlType.Q6_K};
        Tensor[] w = new Tensor[types.length];
        for (int i = 0; i < types.length; i++) {
            int rows = 40 + 4 * i;
            byte[] bytes = RandomTensors.bytes(types[i], (long) cols * rows, random);
            w[i] = new Tensor("w" + i, types[i], new long[] {cols, rows}, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        }
        float[][] x = {floats(cols), floats(cols), floats(cols)};
        float[][][] together = new float[types.length][3][];
        for (int i = 0; i < types.length; i++) {
            together[i] = new float[3][w[i].rows()];
        }
        try (MatMul mm = new MatMul(2, FloatKernels.best())) {
            mm.apply(w, x, 3, together);
            for (int i = 0; i < types.length; i++) {
                float[][] alone = new float[3][w[i].rows()];
                mm.apply(w[i], x, 3, alone);
                for (int b = 0; b < 3; b++) {
                    assertArrayEquals(alone[b], together[i][b], types[i] + " vector " + b);
                }
            }
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
            float[][] plain = new float[3][rows];
            try (MatMul serial = new MatMul(1, FloatKernels.best()); MatMul parallel = new MatMul(2, FloatKernels.best());
                    MatMul scalar = new MatMul(2, new ScalarKernels())) {
                serial.apply(w, x, 3, one);
                parallel.apply(w, x, 3, two);
                scalar.apply(w, x, 3, plain); // the fallback without the Vector API
            }
            // quantised weights multiply the activations' 8-bit quantisation; F16 multiplies them as they are
            double[][] xq = new double[3][];
            for (int b = 0; b < 3; b++) {
                float[] v = x[b];
                xq[b] = QuantDot.handles(type) ? dequantised(quantise(type, v), 0)
                        : java.util.stream.IntStream.range(0, cols).mapToDouble(i -> v[i]).toArray();
            }
            float[] row = new float[cols];
            for (int r = 0; r < rows; r++) {
                w.row(r, row);
                for (int b = 0; b < 3; b++) {
                    double expected = 0;
                    for (int i = 0; i < cols; i++) {
                        expected += row[i] * xq[b][i];
                    }
                    assertEquals(expected, one[b][r], 1e-4 * Math.max(1, Math.abs(expected)), type + " row " + r);
                    assertEquals(expected, plain[b][r], 1e-4 * Math.max(1, Math.abs(expected)), type + " scalar, row " + r);
                }
            }
            for (int b = 0; b < 3; b++) {
                assertArrayEquals(one[b], two[b], type.name());
            }
        }
    }
}
