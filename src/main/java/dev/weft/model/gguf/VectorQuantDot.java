package dev.weft.model.gguf;

import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link QuantDot} on the Vector API, for float vectors of 8 or 16 lanes (AVX2, AVX-512): the
 * quantised values of {@code L} lanes are loaded as bytes, unpacked with byte operations, widened
 * to floats and scaled (ggml's dequantisation, bit for bit), then multiplied with each vector's
 * 8-bit quantisation (as the floats it stands for) with two accumulators per row: the product
 * ggml's vec_dot functions compute, Σ over blocks of d_w·d_x·Σ q_w·q_x, summed in another order.
 * Java 17's Vector API has no widening multiply-add of bytes or shorts (llama.cpp's maddubs and
 * madd): summing products of shorts into ints measured 0.6-0.7 times this speed, and integers held
 * exactly in float lanes and scaled per block 0.65 times it for a batch (README "Benchmarks").
 * Loaded only by name (see {@link FloatKernels#best()}).
 */
final class VectorQuantDot implements QuantDot {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, L * 8)));
    /** For Q5_0's fifth bits: lane i tests bit i % 8 of its byte; lanes 8-15 take the second byte. */
    private static final ByteVector BITS = ByteVector.fromArray(B, new byte[] {
        1, 2, 4, 8, 16, 32, 64, (byte) 128, 1, 2, 4, 8, 16, 32, 64, (byte) 128}, 0);
    private static final jdk.incubator.vector.VectorMask<Byte> UPPER = B.indexInRange(-8, B.length() - 8);

    /** Whether this JVM's preferred vectors have lanes this class is written for. */
    static boolean supported() {
        return L == 8 || L == 16;
    }

    @Override
    public void dot(GgmlType type, byte[] bytes, int rows, int cols, Q8Activations activations, float[][] out,
            int first, Scratch scratch) {
        if (activations.count >= 2) {
            VectorBatchDot.dot(type, bytes, rows, cols, activations, out, first, scratch); // blocked in registers
            return;
        }
        if (activations.count == 0) {
            return;
        }
        // one vector from here on: batches went to VectorBatchDot above
        float[] x = activations.dequantised[0];
        if (VectorSingleDot.handles(type)) {
            VectorSingleDot.dot(type, bytes, rows, cols, x, out[0], first);
            return;
        }
        float[] w = scratch.floats;
        float[] sums = scratch.sums(ROWS * L);
        int rowBytes = (int) type.bytesFor(cols);
        int perSegment = Math.max(type.blockSize(), SEGMENT);
        for (int seg = 0; seg < cols; seg += perSegment) {
            int len = Math.min(perSegment, cols - seg);
            int at = (int) type.bytesFor(seg);
            for (int q = 0; q < rows; q++) {
                decode(type, bytes, q * rowBytes + at, len, w, q * SEGMENT);
            }
            if (rows == ROWS) {
                four(w, x, seg, len, sums, 0);
            } else {
                for (int q = 0; q < rows; q++) {
                    one(w, q * SEGMENT, x, seg, len, sums, q * L);
                }
            }
        }
        for (int q = 0; q < rows; q++) {
            out[0][first + q] = FloatVector.fromArray(F, sums, q * L).reduceLanes(VectorOperators.ADD);
        }
    }

    /**
     * One row's segment (from {@code w[wo]}) times {@code v[seg..seg+len)}, added to the lanes at
     * {@code sums[so]}: even chunks into one accumulator, odd ones into another, in order.
     */
    private static void one(float[] w, int wo, float[] v, int seg, int len, float[] sums, int so) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        for (int i = 0; i < len; i += 2 * L) {
            a0 = FloatVector.fromArray(F, w, wo + i).fma(FloatVector.fromArray(F, v, seg + i), a0);
            a1 = FloatVector.fromArray(F, w, wo + i + L).fma(FloatVector.fromArray(F, v, seg + i + L), a1);
        }
        FloatVector.fromArray(F, sums, so).add(a0.add(a1)).intoArray(sums, so);
    }

    /** {@link #one} for four rows at once, each chunk of {@code v} loaded once: the same operations per row. */
    private static void four(float[] w, float[] v, int seg, int len, float[] sums, int so) {
        FloatVector a0 = FloatVector.zero(F), a1 = FloatVector.zero(F);
        FloatVector b0 = FloatVector.zero(F), b1 = FloatVector.zero(F);
        FloatVector c0 = FloatVector.zero(F), c1 = FloatVector.zero(F);
        FloatVector d0 = FloatVector.zero(F), d1 = FloatVector.zero(F);
        for (int i = 0; i < len; i += 2 * L) {
            FloatVector x0 = FloatVector.fromArray(F, v, seg + i);
            FloatVector x1 = FloatVector.fromArray(F, v, seg + i + L);
            a0 = FloatVector.fromArray(F, w, i).fma(x0, a0);
            a1 = FloatVector.fromArray(F, w, i + L).fma(x1, a1);
            b0 = FloatVector.fromArray(F, w, SEGMENT + i).fma(x0, b0);
            b1 = FloatVector.fromArray(F, w, SEGMENT + i + L).fma(x1, b1);
            c0 = FloatVector.fromArray(F, w, 2 * SEGMENT + i).fma(x0, c0);
            c1 = FloatVector.fromArray(F, w, 2 * SEGMENT + i + L).fma(x1, c1);
            d0 = FloatVector.fromArray(F, w, 3 * SEGMENT + i).fma(x0, d0);
            d1 = FloatVector.fromArray(F, w, 3 * SEGMENT + i + L).fma(x1, d1);
        }
        FloatVector.fromArray(F, sums, so).add(a0.add(a1)).intoArray(sums, so);
        FloatVector.fromArray(F, sums, so + L).add(b0.add(b1)).intoArray(sums, so + L);
        FloatVector.fromArray(F, sums, so + 2 * L).add(c0.add(c1)).intoArray(sums, so + 2 * L);
        FloatVector.fromArray(F, sums, so + 3 * L).add(d0.add(d1)).intoArray(sums, so + 3 * L);
    }

    static void decode(GgmlType type, byte[] r, int at, int len, float[] w, int wo) {
        int blocks = len / type.blockSize();
        switch (type) {
            case Q8_0 -> q8_0(r, at, blocks, w, wo);
            case Q4_0 -> q4_0(r, at, blocks, w, wo);
            case Q5_0 -> q5_0(r, at, blocks, w, wo);
            case Q4_K -> q4_k(r, at, blocks, w, wo);
            case Q5_K -> q5_k(r, at, blocks, w, wo);
            case Q6_K -> q6_k(r, at, blocks, w, wo);
            default -> throw new IllegalArgumentException(type.name());
        }
    }

    private static FloatVector floats(ByteVector v) {
        return (FloatVector) v.convertShape(VectorOperators.B2F, F, 0);
    }

    private static ByteVector bytes(byte[] r, int at) {
        return ByteVector.fromArray(B, r, at);
    }

    private static void q8_0(byte[] r, int from, int blocks, float[] y, int wo) {
        for (int k = 0; k < blocks; k++) {
            int at = from + k * 34;
            int o = wo + k * 32;
            float d = ScalarQuantDot.half(r, at);
            for (int c = 0; c < 32; c += L) {
                floats(bytes(r, at + 2 + c)).mul(d).intoArray(y, o + c);
            }
        }
    }

    private static void q4_0(byte[] r, int from, int blocks, float[] y, int wo) {
        for (int k = 0; k < blocks; k++) {
            int at = from + k * 18;
            int o = wo + k * 32;
            float d = ScalarQuantDot.half(r, at);
            for (int c = 0; c < 16; c += L) {
                ByteVector q = bytes(r, at + 2 + c);
                floats(q.and((byte) 0x0F).sub((byte) 8)).mul(d).intoArray(y, o + c);
                floats(q.lanewise(LSHR, 4).sub((byte) 8)).mul(d).intoArray(y, o + 16 + c);
            }
        }
    }

    private static void q5_0(byte[] r, int from, int blocks, float[] y, int wo) {
        ByteVector zero = ByteVector.zero(B);
        for (int k = 0; k < blocks; k++) {
            int at = from + k * 22;
            int o = wo + k * 32;
            float d = ScalarQuantDot.half(r, at);
            for (int c = 0; c < 16; c += L) {
                ByteVector q = bytes(r, at + 6 + c);
                // the fifth bits of lanes c.. (low nibbles: bits c.., high ones: bits 16+c..) set 0x10
                ByteVector h0 = fifthBits(r[at + 2 + c / 8], r[at + 3 + c / 8]);
                ByteVector h1 = fifthBits(r[at + 4 + c / 8], r[at + 5 + c / 8]);
                ByteVector lo = q.and((byte) 0x0F).or(zero.blend((byte) 0x10, h0.compare(VectorOperators.NE, 0)));
                ByteVector hi = q.lanewise(LSHR, 4).or(zero.blend((byte) 0x10, h1.compare(VectorOperators.NE, 0)));
                floats(lo.sub((byte) 16)).mul(d).intoArray(y, o + c);
                floats(hi.sub((byte) 16)).mul(d).intoArray(y, o + 16 + c);
            }
        }
    }

    /** Lane i: bit i of {@code first} (lanes 0-7), then of {@code second} (8-15), as a non-zero byte. */
    private static ByteVector fifthBits(byte first, byte second) {
        ByteVector v = ByteVector.broadcast(B, first);
        if (L == 16) {
            v = v.blend(second, UPPER);
        }
        return v.and(BITS);
    }

    private static void q4_k(byte[] r, int from, int blocks, float[] y, int wo) {
        for (int k = 0; k < blocks; k++) {
            int at = from + k * 144;
            int o = wo + k * 256;
            float d = ScalarQuantDot.half(r, at);
            float min = ScalarQuantDot.half(r, at + 2);
            for (int j = 0, is = 0; j < 256; j += 64, is += 2) {
                int q = at + 16 + j / 2;
                float d1 = d * ScalarQuantDot.scaleMinK4(r, at + 4, is, false);
                float m1 = -(min * ScalarQuantDot.scaleMinK4(r, at + 4, is, true));
                float d2 = d * ScalarQuantDot.scaleMinK4(r, at + 4, is + 1, false);
                float m2 = -(min * ScalarQuantDot.scaleMinK4(r, at + 4, is + 1, true));
                for (int c = 0; c < 32; c += L) {
                    ByteVector v = bytes(r, q + c);
                    floats(v.and((byte) 0x0F)).fma(d1, m1).intoArray(y, o + j + c);
                    floats(v.lanewise(LSHR, 4)).fma(d2, m2).intoArray(y, o + j + 32 + c);
                }
            }
        }
    }

    private static void q5_k(byte[] r, int from, int blocks, float[] y, int wo) {
        for (int k = 0; k < blocks; k++) {
            int at = from + k * 176;
            int o = wo + k * 256;
            float d = ScalarQuantDot.half(r, at);
            float min = ScalarQuantDot.half(r, at + 2);
            for (int j = 0, is = 0; j < 256; j += 64, is += 2) {
                int ql = at + 48 + j / 2;
                int shift = j / 32;
                float d1 = d * ScalarQuantDot.scaleMinK4(r, at + 4, is, false);
                float m1 = -(min * ScalarQuantDot.scaleMinK4(r, at + 4, is, true));
                float d2 = d * ScalarQuantDot.scaleMinK4(r, at + 4, is + 1, false);
                float m2 = -(min * ScalarQuantDot.scaleMinK4(r, at + 4, is + 1, true));
                for (int c = 0; c < 32; c += L) {
                    ByteVector v = bytes(r, ql + c);
                    ByteVector h = bytes(r, at + 16 + c).lanewise(LSHR, shift);
                    ByteVector lo = v.and((byte) 0x0F).or(h.and((byte) 1).lanewise(LSHL, 4));
                    ByteVector hi = v.lanewise(LSHR, 4).or(h.and((byte) 2).lanewise(LSHL, 3));
                    floats(lo).fma(d1, m1).intoArray(y, o + j + c);
                    floats(hi).fma(d2, m2).intoArray(y, o + j + 32 + c);
                }
            }
        }
    }

    private static void q6_k(byte[] r, int from, int blocks, float[] y, int wo) {
        for (int k = 0; k < blocks; k++) {
            int at = from + k * 210;
            int o = wo + k * 256;
            float d = ScalarQuantDot.half(r, at + 208);
            for (int n = 0; n < 2; n++) {
                int ql = at + 64 * n;
                int qh = at + 128 + 32 * n;
                int sc = at + 192 + 8 * n;
                int base = o + 128 * n;
                for (int c = 0; c < 32; c += L) {
                    int is = c / 16;
                    ByteVector a = bytes(r, ql + c);
                    ByteVector b = bytes(r, ql + 32 + c);
                    ByteVector h = bytes(r, qh + c);
                    ByteVector q1 = a.and((byte) 0x0F).or(h.and((byte) 3).lanewise(LSHL, 4)).sub((byte) 32);
                    ByteVector q2 = b.and((byte) 0x0F).or(h.lanewise(LSHR, 2).and((byte) 3).lanewise(LSHL, 4)).sub((byte) 32);
                    ByteVector q3 = a.lanewise(LSHR, 4).or(h.lanewise(LSHR, 4).and((byte) 3).lanewise(LSHL, 4)).sub((byte) 32);
                    ByteVector q4 = b.lanewise(LSHR, 4).or(h.lanewise(LSHR, 6).lanewise(LSHL, 4)).sub((byte) 32);
                    floats(q1).mul(d * r[sc + is]).intoArray(y, base + c);
                    floats(q2).mul(d * r[sc + is + 2]).intoArray(y, base + 32 + c);
                    floats(q3).mul(d * r[sc + is + 4]).intoArray(y, base + 64 + c);
                    floats(q4).mul(d * r[sc + is + 6]).intoArray(y, base + 96 + c);
                }
            }
        }
    }

    @Override
    public String describe() {
        return "Vector API, " + F.vectorBitSize() + "-bit, 8-bit activations";
    }
}
