package dev.weft.model.gguf;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.B2I;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHL;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorQuantDot}'s products for a single vector (generation), fused: each chunk of
 * {@code L} weights is unpacked and dequantised in registers and multiplied into the row's
 * accumulators at once, with no scratch to store and reload. The operations and their order are
 * {@link VectorQuantDot}'s exactly (the same dequantised floats, chunk k of a segment into
 * accumulator k % 2, the two added into the row's lanes after each segment, the lanes summed at
 * the end), so a vector's result has the same bits as in a batch. The bits of the packed values
 * are taken apart in int lanes (the bytes widened first): x86 has no byte shifts, and Java 17
 * emulates them with several instructions each. Only for 16 float lanes (AVX-512), the shape
 * the unrolled chunks are written for; 8 lanes go through {@link VectorQuantDot}'s scratch.
 *
 * <p>The kernels call no helper methods of their own, only the Vector API's: C2 stops inlining
 * ordinary methods into a compilation once it has about 18,000 nodes (NodeCountInliningCutoff,
 * which the Vector API's force-inlined methods reach after a dozen operations), and a vector
 * operation left behind a call is boxed and runs ten times slower.
 */
final class VectorSingleDot {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    private static final java.lang.invoke.VarHandle INT =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    /** {@code LANE[k]}: every lane takes lane k. */
    private static final VectorShuffle<Float>[] LANE = lanes();
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, L * 8)));

    private VectorSingleDot() {}

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] lanes() {
        VectorShuffle<Float>[] lanes = new VectorShuffle[L];
        for (int k = 0; k < L; k++) {
            int[] all = new int[L];
            java.util.Arrays.fill(all, k);
            lanes[k] = VectorShuffle.fromValues(F, all);
        }
        return lanes;
    }

    /** Whether {@link #dot} multiplies this type. */
    static boolean handles(GgmlType type) {
        return L == 16 && switch (type) {
            case Q8_0, Q4_K, Q5_K, Q6_K -> true;
            default -> false;
        };
    }

    /** {@code out[first + q] = row q · x} for q in [0, rows), as {@link QuantDot#dot} with one vector. */
    static void dot(GgmlType type, byte[] bytes, int rows, int cols, float[] x, float[] out, int first) {
        int rowBytes = (int) type.bytesFor(cols);
        for (int q = 0; q < rows; q++) {
            int at = q * rowBytes;
            out[first + q] = switch (type) {
                case Q8_0 -> q8_0(bytes, at, cols, x);
                case Q4_K -> q4_k(bytes, at, cols, x);
                case Q5_K -> q5_k(bytes, at, cols, x);
                case Q6_K -> q6_k(bytes, at, cols, x);
                default -> throw new IllegalArgumentException(type.name());
            };
        }
    }

    /**
     * The eight 6-bit sub-block scales of a Q4_K/Q5_K super-block (ggml's get_scale_min_k4 for
     * j = 0..7), one a byte from the lowest, from its 12 scale bytes at {@code at}: read as three
     * little-endian ints and taken apart together instead of eight branches and twenty loads.
     */
    private static long scales(byte[] r, int at) {
        int u0 = (int) INT.get(r, at);
        int u2 = (int) INT.get(r, at + 8);
        long low = u0 & 0x3F3F3F3F;
        long high = (u2 & 0x0F0F0F0F) | (((u0 >>> 6) & 0x03030303) << 4);
        return (low & 0xFFFFFFFFL) | (high << 32);
    }

    /** The eight 6-bit mins, as {@link #scales}. */
    private static long mins(byte[] r, int at) {
        int u1 = (int) INT.get(r, at + 4);
        int u2 = (int) INT.get(r, at + 8);
        long low = u1 & 0x3F3F3F3F;
        long high = ((u2 >>> 4) & 0x0F0F0F0F) | (((u1 >>> 6) & 0x03030303) << 4);
        return (low & 0xFFFFFFFFL) | (high << 32);
    }

    private static float q8_0(byte[] r, int at, int cols, float[] x) {
        FloatVector s = FloatVector.zero(F);
        for (int seg = 0; seg < cols; seg += QuantDot.SEGMENT) {
            int len = Math.min(QuantDot.SEGMENT, cols - seg);
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = FloatVector.zero(F);
            for (int k = 0; k < len; k += 32, at += 34) {
                float d = ScalarQuantDot.half(r, at);
                IntVector v0 = (IntVector) ByteVector.fromArray(B, r, at + 2).convertShape(B2I, I, 0);
                IntVector v1 = (IntVector) ByteVector.fromArray(B, r, at + 18).convertShape(B2I, I, 0);
                a0 = ((FloatVector) v0.convertShape(I2F, F, 0)).mul(d).fma(FloatVector.fromArray(F, x, seg + k), a0);
                a1 = ((FloatVector) v1.convertShape(I2F, F, 0)).mul(d).fma(FloatVector.fromArray(F, x, seg + k + 16), a1);
            }
            s = s.add(a0.add(a1));
        }
        return s.reduceLanes(VectorOperators.ADD);
    }

    /**
     * Q4_K: each 64 values are the low nibbles of 32 bytes, then their high nibbles. A high nibble
     * is taken as {@code byte & 0xF0} (16 times its value) and dequantised with {@code d2 / 16}:
     * the fused multiply-add of an exact product rounds to the same float as {@code hi * d2 + m2}.
     */
    private static float q4_k(byte[] r, int at, int cols, float[] x) {
        FloatVector s = FloatVector.zero(F);
        for (int seg = 0; seg < cols; seg += 256, at += 144) {
            float d = ScalarQuantDot.half(r, at);
            float min = ScalarQuantDot.half(r, at + 2);
            long scales = scales(r, at + 4); // before any vector: what C2 leaves as a call must not be among live vectors
            long mins = mins(r, at + 4);
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = FloatVector.zero(F);
            for (int j = 0; j < 256; j += 64, scales >>>= 16, mins >>>= 16) {
                int q = at + 16 + j / 2;
                float d1 = d * (int) (scales & 0xFF);
                float m1 = -(min * (int) (mins & 0xFF));
                float d2 = d * (int) ((scales >>> 8) & 0xFF);
                float m2 = -(min * (int) ((mins >>> 8) & 0xFF));
                float d2h = d2 / 16;
                int xo = seg + j;
                IntVector v0 = (IntVector) ByteVector.fromArray(B, r, q).convertShape(B2I, I, 0);
                IntVector v1 = (IntVector) ByteVector.fromArray(B, r, q + 16).convertShape(B2I, I, 0);
                a0 = ((FloatVector) v0.and(0x0F).convertShape(I2F, F, 0)).fma(d1, m1).fma(FloatVector.fromArray(F, x, xo), a0);
                a1 = ((FloatVector) v1.and(0x0F).convertShape(I2F, F, 0)).fma(d1, m1).fma(FloatVector.fromArray(F, x, xo + 16), a1);
                a0 = ((FloatVector) v0.and(0xF0).convertShape(I2F, F, 0)).fma(d2h, m2).fma(FloatVector.fromArray(F, x, xo + 32), a0);
                a1 = ((FloatVector) v1.and(0xF0).convertShape(I2F, F, 0)).fma(d2h, m2).fma(FloatVector.fromArray(F, x, xo + 48), a1);
            }
            s = s.add(a0.add(a1));
        }
        return s.reduceLanes(VectorOperators.ADD);
    }

    /** Q5_K: Q4_K's nibbles with a fifth bit each from 32 bytes (two bits per 64 values); {@code d2 / 16} likewise. */
    private static float q5_k(byte[] r, int at, int cols, float[] x) {
        FloatVector s = FloatVector.zero(F);
        for (int seg = 0; seg < cols; seg += 256, at += 176) {
            float d = ScalarQuantDot.half(r, at);
            float min = ScalarQuantDot.half(r, at + 2);
            long scales = scales(r, at + 4); // before any vector: what C2 leaves as a call must not be among live vectors
            long mins = mins(r, at + 4);
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = FloatVector.zero(F);
            IntVector h0 = (IntVector) ByteVector.fromArray(B, r, at + 16).convertShape(B2I, I, 0);
            IntVector h1 = (IntVector) ByteVector.fromArray(B, r, at + 32).convertShape(B2I, I, 0);
            for (int j = 0; j < 256; j += 64, scales >>>= 16, mins >>>= 16) {
                int ql = at + 48 + j / 2;
                float d1 = d * (int) (scales & 0xFF);
                float m1 = -(min * (int) (mins & 0xFF));
                float d2 = d * (int) ((scales >>> 8) & 0xFF);
                float m2 = -(min * (int) ((mins >>> 8) & 0xFF));
                float d2h = d2 / 16;
                int xo = seg + j;
                // the fifth bits of these 64 values are bits j/32 and j/32 + 1 of h: moved to bits 4 and 8
                int up = 4 - j / 32;
                IntVector b0 = up >= 0 ? h0.lanewise(LSHL, up) : h0.lanewise(ASHR, -up);
                IntVector b1 = up >= 0 ? h1.lanewise(LSHL, up) : h1.lanewise(ASHR, -up);
                IntVector v0 = (IntVector) ByteVector.fromArray(B, r, ql).convertShape(B2I, I, 0);
                IntVector v1 = (IntVector) ByteVector.fromArray(B, r, ql + 16).convertShape(B2I, I, 0);
                a0 = ((FloatVector) v0.and(0x0F).or(b0.and(0x10)).convertShape(I2F, F, 0)).fma(d1, m1)
                        .fma(FloatVector.fromArray(F, x, xo), a0);
                a1 = ((FloatVector) v1.and(0x0F).or(b1.and(0x10)).convertShape(I2F, F, 0)).fma(d1, m1)
                        .fma(FloatVector.fromArray(F, x, xo + 16), a1);
                a0 = ((FloatVector) v0.and(0xF0).or(b0.and(0x20).lanewise(LSHL, 3)).convertShape(I2F, F, 0)).fma(d2h, m2)
                        .fma(FloatVector.fromArray(F, x, xo + 32), a0);
                a1 = ((FloatVector) v1.and(0xF0).or(b1.and(0x20).lanewise(LSHL, 3)).convertShape(I2F, F, 0)).fma(d2h, m2)
                        .fma(FloatVector.fromArray(F, x, xo + 48), a1);
            }
            s = s.add(a0.add(a1));
        }
        return s.reduceLanes(VectorOperators.ADD);
    }

    /**
     * Q6_K: each 128 values are four runs of 32: the low nibbles of bytes 0-31 and of 32-63, then
     * their high nibbles, each with two more bits from 32 bytes (bits 0-1, 2-3, 4-5, 6-7, moved
     * to bits 4-5 and masked); a scale per 16 values.
     */
    private static float q6_k(byte[] r, int at, int cols, float[] x) {
        FloatVector s = FloatVector.zero(F);
        for (int seg = 0; seg < cols; seg += 256, at += 210) {
            float d = ScalarQuantDot.half(r, at + 208);
            // the sixteen scales times d, each rounded as d * scale alone; lane k broadcast for values 16k..16k+15
            FloatVector scales = ((FloatVector) ByteVector.fromArray(B, r, at + 192).convertShape(B2I, I, 0)
                    .convertShape(I2F, F, 0)).mul(d);
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = FloatVector.zero(F);
            for (int n = 0; n < 2; n++) {
                int ql = at + 64 * n;
                int qh = at + 128 + 32 * n;
                int sc = 8 * n;
                int xo = seg + 128 * n;
                IntVector l0 = (IntVector) ByteVector.fromArray(B, r, ql).convertShape(B2I, I, 0);
                IntVector l1 = (IntVector) ByteVector.fromArray(B, r, ql + 16).convertShape(B2I, I, 0);
                IntVector l2 = (IntVector) ByteVector.fromArray(B, r, ql + 32).convertShape(B2I, I, 0);
                IntVector l3 = (IntVector) ByteVector.fromArray(B, r, ql + 48).convertShape(B2I, I, 0);
                IntVector h0 = (IntVector) ByteVector.fromArray(B, r, qh).convertShape(B2I, I, 0);
                IntVector h1 = (IntVector) ByteVector.fromArray(B, r, qh + 16).convertShape(B2I, I, 0);
                a0 = ((FloatVector) l0.and(0x0F).or(h0.lanewise(LSHL, 4).and(0x30)).sub(32).convertShape(I2F, F, 0))
                        .mul(scales.rearrange(LANE[sc])).fma(FloatVector.fromArray(F, x, xo), a0);
                a1 = ((FloatVector) l1.and(0x0F).or(h1.lanewise(LSHL, 4).and(0x30)).sub(32).convertShape(I2F, F, 0))
                        .mul(scales.rearrange(LANE[sc + 1])).fma(FloatVector.fromArray(F, x, xo + 16), a1);
                a0 = ((FloatVector) l2.and(0x0F).or(h0.lanewise(LSHL, 2).and(0x30)).sub(32).convertShape(I2F, F, 0))
                        .mul(scales.rearrange(LANE[sc + 2])).fma(FloatVector.fromArray(F, x, xo + 32), a0);
                a1 = ((FloatVector) l3.and(0x0F).or(h1.lanewise(LSHL, 2).and(0x30)).sub(32).convertShape(I2F, F, 0))
                        .mul(scales.rearrange(LANE[sc + 3])).fma(FloatVector.fromArray(F, x, xo + 48), a1);
                a0 = ((FloatVector) l0.lanewise(ASHR, 4).and(0x0F).or(h0.and(0x30)).sub(32).convertShape(I2F, F, 0))
                        .mul(scales.rearrange(LANE[sc + 4])).fma(FloatVector.fromArray(F, x, xo + 64), a0);
                a1 = ((FloatVector) l1.lanewise(ASHR, 4).and(0x0F).or(h1.and(0x30)).sub(32).convertShape(I2F, F, 0))
                        .mul(scales.rearrange(LANE[sc + 5])).fma(FloatVector.fromArray(F, x, xo + 80), a1);
                a0 = ((FloatVector) l2.lanewise(ASHR, 4).and(0x0F).or(h0.lanewise(ASHR, 2).and(0x30)).sub(32).convertShape(I2F, F, 0))
                        .mul(scales.rearrange(LANE[sc + 6])).fma(FloatVector.fromArray(F, x, xo + 96), a0);
                a1 = ((FloatVector) l3.lanewise(ASHR, 4).and(0x0F).or(h1.lanewise(ASHR, 2).and(0x30)).sub(32).convertShape(I2F, F, 0))
                        .mul(scales.rearrange(LANE[sc + 7])).fma(FloatVector.fromArray(F, x, xo + 112), a1);
            }
            s = s.add(a0.add(a1));
        }
        return s.reduceLanes(VectorOperators.ADD);
    }
}
