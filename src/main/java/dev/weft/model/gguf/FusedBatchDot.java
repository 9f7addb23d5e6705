package dev.weft.model.gguf;

import static jdk.incubator.vector.VectorOperators.B2I;
import static jdk.incubator.vector.VectorOperators.I2F;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Q8_0 and Q4_K rows times a batch of vectors, fused as {@link VectorSingleDot} multiplies one
 * vector: each 16 weights are unpacked and scaled in registers once and multiplied into several
 * vectors' accumulators (eight or four at a time; two for a batch's last odd pair, the last
 * vector twice), with no scratch to store and reload. For batches up to 8 (siblings): a batch of
 * 8 costs 0.26-0.30 ms against 0.30-0.34 ms through {@link VectorBatchDot}'s scratch (Q8_0, 1536 x
 * 576, one thread, alternating runs at load 5-6; one vector 0.065 ms); Q4_K batches of 2 and 4
 * cost 1.1-1.2 and 1.5-1.6 times one vector instead of 1.8-2.0 and 2.2-2.7.
 * Per vector the same operations in the same order as one vector alone (the dequantised weights,
 * chunk k of a segment into accumulator k % 2, the pair added into the row's lanes after each
 * segment, the lanes summed at the end), so its bits do not depend on the batch. Only for 16
 * float lanes; the kernels call no methods but the Vector API's (see {@link VectorSingleDot}).
 * Q4_K's kernels are in {@link FusedQ4KBatch}.
 */
final class FusedBatchDot {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(128));

    private FusedBatchDot() {}

    /** Whether {@link #dot} multiplies this type. */
    static boolean handles(GgmlType type) {
        return F.length() == 16 && (type == GgmlType.Q8_0 || type == GgmlType.Q4_K);
    }

    /** {@code out[b][first + q] = row q · x[b]} for b in [0, count), 2 <= count, as {@link QuantDot#dot}. */
    static void dot(GgmlType type, byte[] bytes, int rows, int cols, float[][] x, int count, float[][] out, int first) {
        if (type == GgmlType.Q4_K) {
            FusedQ4KBatch.dot(bytes, rows, cols, x, count, out, first);
            return;
        }
        int rowBytes = (int) GgmlType.Q8_0.bytesFor(cols);
        for (int q = 0; q < rows; q++) {
            int at = q * rowBytes;
            int o = first + q;
            int b = 0;
            for (; b + 8 <= count; b += 8) {
                eight(bytes, at, cols, x[b], x[b + 1], x[b + 2], x[b + 3], x[b + 4], x[b + 5], x[b + 6], x[b + 7],
                        out[b], out[b + 1], out[b + 2], out[b + 3], out[b + 4], out[b + 5], out[b + 6], out[b + 7], o);
            }
            for (; b + 4 <= count; b += 4) {
                four(bytes, at, cols, x[b], x[b + 1], x[b + 2], x[b + 3], out[b], out[b + 1], out[b + 2], out[b + 3], o);
            }
            for (; b < count; b += 2) {
                int second = Math.min(b + 1, count - 1); // the last vector of an odd batch goes twice
                two(bytes, at, cols, x[b], x[second], out[b], out[second], o);
            }
        }
    }

    private static void eight(byte[] r, int at, int cols, float[] x0, float[] x1, float[] x2, float[] x3, float[] x4, float[] x5, float[] x6, float[] x7,
            float[] o0, float[] o1, float[] o2, float[] o3, float[] o4, float[] o5, float[] o6, float[] o7, int o) {
        FloatVector zero = FloatVector.zero(F);
        FloatVector s0 = zero, s1 = zero, s2 = zero, s3 = zero, s4 = zero, s5 = zero, s6 = zero, s7 = zero;
        for (int seg = 0; seg < cols; seg += QuantDot.SEGMENT) {
            int len = Math.min(QuantDot.SEGMENT, cols - seg);
            FloatVector a0 = zero, e0 = zero, a1 = zero, e1 = zero, a2 = zero, e2 = zero, a3 = zero, e3 = zero, a4 = zero, e4 = zero, a5 = zero, e5 = zero, a6 = zero, e6 = zero, a7 = zero, e7 = zero;
            for (int k = 0; k < len; k += 32, at += 34) {
                float d = ScalarQuantDot.half(r, at);
                IntVector v0 = (IntVector) ByteVector.fromArray(B, r, at + 2).convertShape(B2I, I, 0);
                IntVector v1 = (IntVector) ByteVector.fromArray(B, r, at + 18).convertShape(B2I, I, 0);
                FloatVector w0 = ((FloatVector) v0.convertShape(I2F, F, 0)).mul(d);
                FloatVector w1 = ((FloatVector) v1.convertShape(I2F, F, 0)).mul(d);
                int i = seg + k;
                a0 = w0.fma(FloatVector.fromArray(F, x0, i), a0);
                e0 = w1.fma(FloatVector.fromArray(F, x0, i + 16), e0);
                a1 = w0.fma(FloatVector.fromArray(F, x1, i), a1);
                e1 = w1.fma(FloatVector.fromArray(F, x1, i + 16), e1);
                a2 = w0.fma(FloatVector.fromArray(F, x2, i), a2);
                e2 = w1.fma(FloatVector.fromArray(F, x2, i + 16), e2);
                a3 = w0.fma(FloatVector.fromArray(F, x3, i), a3);
                e3 = w1.fma(FloatVector.fromArray(F, x3, i + 16), e3);
                a4 = w0.fma(FloatVector.fromArray(F, x4, i), a4);
                e4 = w1.fma(FloatVector.fromArray(F, x4, i + 16), e4);
                a5 = w0.fma(FloatVector.fromArray(F, x5, i), a5);
                e5 = w1.fma(FloatVector.fromArray(F, x5, i + 16), e5);
                a6 = w0.fma(FloatVector.fromArray(F, x6, i), a6);
                e6 = w1.fma(FloatVector.fromArray(F, x6, i + 16), e6);
                a7 = w0.fma(FloatVector.fromArray(F, x7, i), a7);
                e7 = w1.fma(FloatVector.fromArray(F, x7, i + 16), e7);
            }
            s0 = s0.add(a0.add(e0));
            s1 = s1.add(a1.add(e1));
            s2 = s2.add(a2.add(e2));
            s3 = s3.add(a3.add(e3));
            s4 = s4.add(a4.add(e4));
            s5 = s5.add(a5.add(e5));
            s6 = s6.add(a6.add(e6));
            s7 = s7.add(a7.add(e7));
        }
        o0[o] = s0.reduceLanes(VectorOperators.ADD);
        o1[o] = s1.reduceLanes(VectorOperators.ADD);
        o2[o] = s2.reduceLanes(VectorOperators.ADD);
        o3[o] = s3.reduceLanes(VectorOperators.ADD);
        o4[o] = s4.reduceLanes(VectorOperators.ADD);
        o5[o] = s5.reduceLanes(VectorOperators.ADD);
        o6[o] = s6.reduceLanes(VectorOperators.ADD);
        o7[o] = s7.reduceLanes(VectorOperators.ADD);
    }

    private static void four(byte[] r, int at, int cols, float[] x0, float[] x1, float[] x2, float[] x3,
            float[] o0, float[] o1, float[] o2, float[] o3, int o) {
        FloatVector zero = FloatVector.zero(F);
        FloatVector s0 = zero, s1 = zero, s2 = zero, s3 = zero;
        for (int seg = 0; seg < cols; seg += QuantDot.SEGMENT) {
            int len = Math.min(QuantDot.SEGMENT, cols - seg);
            FloatVector a0 = zero, a1 = zero, b0 = zero, b1 = zero, c0 = zero, c1 = zero, d0 = zero, d1 = zero;
            for (int k = 0; k < len; k += 32, at += 34) {
                float d = ScalarQuantDot.half(r, at);
                IntVector v0 = (IntVector) ByteVector.fromArray(B, r, at + 2).convertShape(B2I, I, 0);
                IntVector v1 = (IntVector) ByteVector.fromArray(B, r, at + 18).convertShape(B2I, I, 0);
                FloatVector w0 = ((FloatVector) v0.convertShape(I2F, F, 0)).mul(d);
                FloatVector w1 = ((FloatVector) v1.convertShape(I2F, F, 0)).mul(d);
                int i = seg + k;
                a0 = w0.fma(FloatVector.fromArray(F, x0, i), a0);
                a1 = w1.fma(FloatVector.fromArray(F, x0, i + 16), a1);
                b0 = w0.fma(FloatVector.fromArray(F, x1, i), b0);
                b1 = w1.fma(FloatVector.fromArray(F, x1, i + 16), b1);
                c0 = w0.fma(FloatVector.fromArray(F, x2, i), c0);
                c1 = w1.fma(FloatVector.fromArray(F, x2, i + 16), c1);
                d0 = w0.fma(FloatVector.fromArray(F, x3, i), d0);
                d1 = w1.fma(FloatVector.fromArray(F, x3, i + 16), d1);
            }
            s0 = s0.add(a0.add(a1));
            s1 = s1.add(b0.add(b1));
            s2 = s2.add(c0.add(c1));
            s3 = s3.add(d0.add(d1));
        }
        o0[o] = s0.reduceLanes(VectorOperators.ADD);
        o1[o] = s1.reduceLanes(VectorOperators.ADD);
        o2[o] = s2.reduceLanes(VectorOperators.ADD);
        o3[o] = s3.reduceLanes(VectorOperators.ADD);
    }

    private static void two(byte[] r, int at, int cols, float[] x0, float[] x1, float[] o0, float[] o1, int o) {
        FloatVector zero = FloatVector.zero(F);
        FloatVector s0 = zero, s1 = zero;
        for (int seg = 0; seg < cols; seg += QuantDot.SEGMENT) {
            int len = Math.min(QuantDot.SEGMENT, cols - seg);
            FloatVector a0 = zero, a1 = zero, b0 = zero, b1 = zero;
            for (int k = 0; k < len; k += 32, at += 34) {
                float d = ScalarQuantDot.half(r, at);
                IntVector v0 = (IntVector) ByteVector.fromArray(B, r, at + 2).convertShape(B2I, I, 0);
                IntVector v1 = (IntVector) ByteVector.fromArray(B, r, at + 18).convertShape(B2I, I, 0);
                FloatVector w0 = ((FloatVector) v0.convertShape(I2F, F, 0)).mul(d);
                FloatVector w1 = ((FloatVector) v1.convertShape(I2F, F, 0)).mul(d);
                int i = seg + k;
                a0 = w0.fma(FloatVector.fromArray(F, x0, i), a0);
                a1 = w1.fma(FloatVector.fromArray(F, x0, i + 16), a1);
                b0 = w0.fma(FloatVector.fromArray(F, x1, i), b0);
                b1 = w1.fma(FloatVector.fromArray(F, x1, i + 16), b1);
            }
            s0 = s0.add(a0.add(a1));
            s1 = s1.add(b0.add(b1));
        }
        o0[o] = s0.reduceLanes(VectorOperators.ADD);
        o1[o] = s1.reduceLanes(VectorOperators.ADD);
    }
}
