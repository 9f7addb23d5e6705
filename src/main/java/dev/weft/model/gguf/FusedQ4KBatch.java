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
 * {@link FusedBatchDot} for Q4_K rows, unpacked as {@link VectorSingleDot}'s Q4_K: each 64 values
 * are the low nibbles of 32 bytes, then their high nibbles taken as {@code byte & 0xF0} and
 * dequantised with {@code d2 / 16}; each 16 dequantised weights are multiplied into eight, four or
 * two vectors' accumulators, in the one-vector order.
 */
final class FusedQ4KBatch {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(128));

    private FusedQ4KBatch() {}

    /** {@link FusedBatchDot#dot} for Q4_K rows. */
    static void dot(byte[] bytes, int rows, int cols, float[][] x, int count, float[][] out, int first) {
        int rowBytes = (int) GgmlType.Q4_K.bytesFor(cols);
        for (int q = 0; q < rows; q++) {
            int at = q * rowBytes;
            int o = first + q;
            int b = 0;
            for (; b + 8 <= count; b += 8) {
                q4_kEight(bytes, at, cols, x[b], x[b + 1], x[b + 2], x[b + 3], x[b + 4], x[b + 5], x[b + 6], x[b + 7],
                        out[b], out[b + 1], out[b + 2], out[b + 3], out[b + 4], out[b + 5], out[b + 6], out[b + 7], o);
            }
            for (; b + 4 <= count; b += 4) {
                q4_kFour(bytes, at, cols, x[b], x[b + 1], x[b + 2], x[b + 3], out[b], out[b + 1], out[b + 2], out[b + 3], o);
            }
            for (; b < count; b += 2) {
                int second = Math.min(b + 1, count - 1);
                q4_kTwo(bytes, at, cols, x[b], x[second], out[b], out[second], o);
            }
        }
    }

    private static void q4_kEight(byte[] r, int at, int cols, float[] x0, float[] x1, float[] x2, float[] x3, float[] x4, float[] x5, float[] x6, float[] x7,
            float[] o0, float[] o1, float[] o2, float[] o3, float[] o4, float[] o5, float[] o6, float[] o7, int o) {
        FloatVector zero = FloatVector.zero(F);
        FloatVector s0 = zero, s1 = zero, s2 = zero, s3 = zero, s4 = zero, s5 = zero, s6 = zero, s7 = zero;
        for (int seg = 0; seg < cols; seg += 256, at += 144) {
            float d = ScalarQuantDot.half(r, at);
            float min = ScalarQuantDot.half(r, at + 2);
            FloatVector a0 = zero, e0 = zero, a1 = zero, e1 = zero, a2 = zero, e2 = zero, a3 = zero, e3 = zero, a4 = zero, e4 = zero, a5 = zero, e5 = zero, a6 = zero, e6 = zero, a7 = zero, e7 = zero;
            for (int j = 0, is = 0; j < 256; j += 64, is += 2) {
                int q = at + 16 + j / 2;
                float d1 = d * ScalarQuantDot.scaleMinK4(r, at + 4, is, false);
                float m1 = -(min * ScalarQuantDot.scaleMinK4(r, at + 4, is, true));
                float d2 = d * ScalarQuantDot.scaleMinK4(r, at + 4, is + 1, false);
                float m2 = -(min * ScalarQuantDot.scaleMinK4(r, at + 4, is + 1, true));
                float d2h = d2 / 16;
                int xo = seg + j;
                IntVector v0 = (IntVector) ByteVector.fromArray(B, r, q).convertShape(B2I, I, 0);
                IntVector v1 = (IntVector) ByteVector.fromArray(B, r, q + 16).convertShape(B2I, I, 0);
                FloatVector w0 = ((FloatVector) v0.and(0x0F).convertShape(I2F, F, 0)).fma(d1, m1);
                FloatVector w1 = ((FloatVector) v1.and(0x0F).convertShape(I2F, F, 0)).fma(d1, m1);
                FloatVector w2 = ((FloatVector) v0.and(0xF0).convertShape(I2F, F, 0)).fma(d2h, m2);
                FloatVector w3 = ((FloatVector) v1.and(0xF0).convertShape(I2F, F, 0)).fma(d2h, m2);
                a0 = w0.fma(FloatVector.fromArray(F, x0, xo), a0);
                e0 = w1.fma(FloatVector.fromArray(F, x0, xo + 16), e0);
                a0 = w2.fma(FloatVector.fromArray(F, x0, xo + 32), a0);
                e0 = w3.fma(FloatVector.fromArray(F, x0, xo + 48), e0);
                a1 = w0.fma(FloatVector.fromArray(F, x1, xo), a1);
                e1 = w1.fma(FloatVector.fromArray(F, x1, xo + 16), e1);
                a1 = w2.fma(FloatVector.fromArray(F, x1, xo + 32), a1);
                e1 = w3.fma(FloatVector.fromArray(F, x1, xo + 48), e1);
                a2 = w0.fma(FloatVector.fromArray(F, x2, xo), a2);
                e2 = w1.fma(FloatVector.fromArray(F, x2, xo + 16), e2);
                a2 = w2.fma(FloatVector.fromArray(F, x2, xo + 32), a2);
                e2 = w3.fma(FloatVector.fromArray(F, x2, xo + 48), e2);
                a3 = w0.fma(FloatVector.fromArray(F, x3, xo), a3);
                e3 = w1.fma(FloatVector.fromArray(F, x3, xo + 16), e3);
                a3 = w2.fma(FloatVector.fromArray(F, x3, xo + 32), a3);
                e3 = w3.fma(FloatVector.fromArray(F, x3, xo + 48), e3);
                a4 = w0.fma(FloatVector.fromArray(F, x4, xo), a4);
                e4 = w1.fma(FloatVector.fromArray(F, x4, xo + 16), e4);
                a4 = w2.fma(FloatVector.fromArray(F, x4, xo + 32), a4);
                e4 = w3.fma(FloatVector.fromArray(F, x4, xo + 48), e4);
                a5 = w0.fma(FloatVector.fromArray(F, x5, xo), a5);
                e5 = w1.fma(FloatVector.fromArray(F, x5, xo + 16), e5);
                a5 = w2.fma(FloatVector.fromArray(F, x5, xo + 32), a5);
                e5 = w3.fma(FloatVector.fromArray(F, x5, xo + 48), e5);
                a6 = w0.fma(FloatVector.fromArray(F, x6, xo), a6);
                e6 = w1.fma(FloatVector.fromArray(F, x6, xo + 16), e6);
                a6 = w2.fma(FloatVector.fromArray(F, x6, xo + 32), a6);
                e6 = w3.fma(FloatVector.fromArray(F, x6, xo + 48), e6);
                a7 = w0.fma(FloatVector.fromArray(F, x7, xo), a7);
                e7 = w1.fma(FloatVector.fromArray(F, x7, xo + 16), e7);
                a7 = w2.fma(FloatVector.fromArray(F, x7, xo + 32), a7);
                e7 = w3.fma(FloatVector.fromArray(F, x7, xo + 48), e7);
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

    private static void q4_kFour(byte[] r, int at, int cols, float[] x0, float[] x1, float[] x2, float[] x3,
            float[] o0, float[] o1, float[] o2, float[] o3, int o) {
        FloatVector zero = FloatVector.zero(F);
        FloatVector s0 = zero, s1 = zero, s2 = zero, s3 = zero;
        for (int seg = 0; seg < cols; seg += 256, at += 144) {
            float d = ScalarQuantDot.half(r, at);
            float min = ScalarQuantDot.half(r, at + 2);
            FloatVector a0 = zero, e0 = zero, a1 = zero, e1 = zero, a2 = zero, e2 = zero, a3 = zero, e3 = zero;
            for (int j = 0, is = 0; j < 256; j += 64, is += 2) {
                int q = at + 16 + j / 2;
                float d1 = d * ScalarQuantDot.scaleMinK4(r, at + 4, is, false);
                float m1 = -(min * ScalarQuantDot.scaleMinK4(r, at + 4, is, true));
                float d2 = d * ScalarQuantDot.scaleMinK4(r, at + 4, is + 1, false);
                float m2 = -(min * ScalarQuantDot.scaleMinK4(r, at + 4, is + 1, true));
                float d2h = d2 / 16;
                int xo = seg + j;
                IntVector v0 = (IntVector) ByteVector.fromArray(B, r, q).convertShape(B2I, I, 0);
                IntVector v1 = (IntVector) ByteVector.fromArray(B, r, q + 16).convertShape(B2I, I, 0);
                FloatVector w0 = ((FloatVector) v0.and(0x0F).convertShape(I2F, F, 0)).fma(d1, m1);
                FloatVector w1 = ((FloatVector) v1.and(0x0F).convertShape(I2F, F, 0)).fma(d1, m1);
                FloatVector w2 = ((FloatVector) v0.and(0xF0).convertShape(I2F, F, 0)).fma(d2h, m2);
                FloatVector w3 = ((FloatVector) v1.and(0xF0).convertShape(I2F, F, 0)).fma(d2h, m2);
                a0 = w0.fma(FloatVector.fromArray(F, x0, xo), a0);
                e0 = w1.fma(FloatVector.fromArray(F, x0, xo + 16), e0);
                a0 = w2.fma(FloatVector.fromArray(F, x0, xo + 32), a0);
                e0 = w3.fma(FloatVector.fromArray(F, x0, xo + 48), e0);
                a1 = w0.fma(FloatVector.fromArray(F, x1, xo), a1);
                e1 = w1.fma(FloatVector.fromArray(F, x1, xo + 16), e1);
                a1 = w2.fma(FloatVector.fromArray(F, x1, xo + 32), a1);
                e1 = w3.fma(FloatVector.fromArray(F, x1, xo + 48), e1);
                a2 = w0.fma(FloatVector.fromArray(F, x2, xo), a2);
                e2 = w1.fma(FloatVector.fromArray(F, x2, xo + 16), e2);
                a2 = w2.fma(FloatVector.fromArray(F, x2, xo + 32), a2);
                e2 = w3.fma(FloatVector.fromArray(F, x2, xo + 48), e2);
                a3 = w0.fma(FloatVector.fromArray(F, x3, xo), a3);
                e3 = w1.fma(FloatVector.fromArray(F, x3, xo + 16), e3);
                a3 = w2.fma(FloatVector.fromArray(F, x3, xo + 32), a3);
                e3 = w3.fma(FloatVector.fromArray(F, x3, xo + 48), e3);
            }
            s0 = s0.add(a0.add(e0));
            s1 = s1.add(a1.add(e1));
            s2 = s2.add(a2.add(e2));
            s3 = s3.add(a3.add(e3));
        }
        o0[o] = s0.reduceLanes(VectorOperators.ADD);
        o1[o] = s1.reduceLanes(VectorOperators.ADD);
        o2[o] = s2.reduceLanes(VectorOperators.ADD);
        o3[o] = s3.reduceLanes(VectorOperators.ADD);
    }

    private static void q4_kTwo(byte[] r, int at, int cols, float[] x0, float[] x1,
            float[] o0, float[] o1, int o) {
        FloatVector zero = FloatVector.zero(F);
        FloatVector s0 = zero, s1 = zero;
        for (int seg = 0; seg < cols; seg += 256, at += 144) {
            float d = ScalarQuantDot.half(r, at);
            float min = ScalarQuantDot.half(r, at + 2);
            FloatVector a0 = zero, e0 = zero, a1 = zero, e1 = zero;
            for (int j = 0, is = 0; j < 256; j += 64, is += 2) {
                int q = at + 16 + j / 2;
                float d1 = d * ScalarQuantDot.scaleMinK4(r, at + 4, is, false);
                float m1 = -(min * ScalarQuantDot.scaleMinK4(r, at + 4, is, true));
                float d2 = d * ScalarQuantDot.scaleMinK4(r, at + 4, is + 1, false);
                float m2 = -(min * ScalarQuantDot.scaleMinK4(r, at + 4, is + 1, true));
                float d2h = d2 / 16;
                int xo = seg + j;
                IntVector v0 = (IntVector) ByteVector.fromArray(B, r, q).convertShape(B2I, I, 0);
                IntVector v1 = (IntVector) ByteVector.fromArray(B, r, q + 16).convertShape(B2I, I, 0);
                FloatVector w0 = ((FloatVector) v0.and(0x0F).convertShape(I2F, F, 0)).fma(d1, m1);
                FloatVector w1 = ((FloatVector) v1.and(0x0F).convertShape(I2F, F, 0)).fma(d1, m1);
                FloatVector w2 = ((FloatVector) v0.and(0xF0).convertShape(I2F, F, 0)).fma(d2h, m2);
                FloatVector w3 = ((FloatVector) v1.and(0xF0).convertShape(I2F, F, 0)).fma(d2h, m2);
                a0 = w0.fma(FloatVector.fromArray(F, x0, xo), a0);
                e0 = w1.fma(FloatVector.fromArray(F, x0, xo + 16), e0);
                a0 = w2.fma(FloatVector.fromArray(F, x0, xo + 32), a0);
                e0 = w3.fma(FloatVector.fromArray(F, x0, xo + 48), e0);
                a1 = w0.fma(FloatVector.fromArray(F, x1, xo), a1);
                e1 = w1.fma(FloatVector.fromArray(F, x1, xo + 16), e1);
                a1 = w2.fma(FloatVector.fromArray(F, x1, xo + 32), a1);
                e1 = w3.fma(FloatVector.fromArray(F, x1, xo + 48), e1);
            }
            s0 = s0.add(a0.add(e0));
            s1 = s1.add(a1.add(e1));
        }
        o0[o] = s0.reduceLanes(VectorOperators.ADD);
        o1[o] = s1.reduceLanes(VectorOperators.ADD);
    }
}
