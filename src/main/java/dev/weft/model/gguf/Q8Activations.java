package dev.weft.model.gguf;

/**
 * A batch of activation vectors quantised to 8 bits, once per matrix product, as ggml does before
 * it multiplies quantised weights: {@link Format#Q8_0} (a half-precision scale per 32 values, for
 * Q8_0/Q4_0/Q5_0 weights) or {@link Format#Q8_K} (a float scale per 256 values and the sum of each
 * 32 values, for the K-quants), with ggml's rounding (quantize_row_q8_0_ref: round half away from
 * zero; quantize_row_q8_K_ref: -127/max, nearest even). The values are kept widened to shorts,
 * which is what the kernels multiply. A vector's quantisation depends on that vector alone, so its
 * products are the same whatever batch it is in.
 */
final class Q8Activations {
    enum Format {
        Q8_0(32), Q8_K(256);

        final int block;

        Format(int block) {
            this.block = block;
        }
    }

    final Format format;
    final int count;
    final int cols;
    /** {@code q[b][i]}: vector b's value i, in [-127, 127]. */
    final short[][] q;
    /** What the values stand for, {@code q * d}, for the Vector API kernels' float lanes. */
    final float[][] dequantised;
    /** {@code d[b][k]}: the scale of block k (value = q * d). */
    final float[][] d;
    /** Q8_K: {@code sums[b][j]}, the sum of q over values [32j, 32j+32) (ggml's bsums, two by two). */
    final int[][] sums;

    private Q8Activations(Format format, int count, int cols) {
        this.format = format;
        this.count = count;
        this.cols = cols;
        this.q = new short[count][cols];
        this.dequantised = new float[count][cols];
        this.d = new float[count][cols / format.block];
        this.sums = format == Format.Q8_K ? new int[count][cols / 32] : null;
    }

    /** The format ggml multiplies weights of {@code type} with. */
    static Format formatFor(GgmlType type) {
        return switch (type) {
            case Q4_K, Q5_K, Q6_K -> Format.Q8_K;
            default -> Format.Q8_0;
        };
    }

    /** Quantises {@code x[0..count)}, each of {@code cols} values (a whole number of blocks). */
    static Q8Activations of(Format format, float[][] x, int count, int cols) {
        if (cols % format.block != 0) {
            throw new IllegalArgumentException(cols + " values are not whole " + format + " blocks");
        }
        Q8Activations a = new Q8Activations(format, count, cols);
        for (int b = 0; b < count; b++) {
            if (format == Format.Q8_0) {
                q8_0(x[b], cols, a.q[b], a.d[b]);
            } else {
                q8_K(x[b], cols, a.q[b], a.d[b], a.sums[b]);
            }
            dequantise(a.q[b], a.d[b], format.block, a.dequantised[b]);
        }
        return a;
    }

    /** {@code out[i] = q[i] * d[i / block]}, a block at a time (a division per value cost more than the rest). */
    private static void dequantise(short[] q, float[] d, int block, float[] out) {
        for (int k = 0; k < d.length; k++) {
            float scale = d[k];
            for (int i = k * block, end = i + block; i < end; i++) {
                out[i] = q[i] * scale;
            }
        }
    }

    private static void q8_0(float[] x, int cols, short[] q, float[] d) {
        for (int k = 0; k < cols / 32; k++) {
            float amax = absMax(x, 32 * k);
            float scale = amax / 127;
            float inverse = scale != 0 ? 1 / scale : 0;
            d[k] = Half.toFloat(Half.fromFloat(scale)); // stored as a half, used as one
            for (int j = 0; j < 32; j++) {
                float v = x[32 * k + j] * inverse;
                q[32 * k + j] = (short) clamp((long) Math.copySign(Math.floor(Math.abs((double) v) + 0.5), v));
            }
        }
    }

    /**
     * The largest |x| of the 32 values from {@code at} (a NaN if one is NaN, as {@code Math.max}
     * gives), compared as the bits of |x|: they order as the values do, and a chain of 32
     * float maxima was most of the quantisation's time.
     */
    private static float absMax(float[] x, int at) {
        int max = 0;
        for (int j = at; j < at + 32; j++) {
            max = Math.max(max, Float.floatToRawIntBits(x[j]) & 0x7fffffff);
        }
        return Float.intBitsToFloat(max);
    }

    private static void q8_K(float[] x, int cols, short[] q, float[] d, int[] sums) {
        for (int k = 0; k < cols / 256; k++) {
            int at = 256 * k;
            float max = 0;
            float amax = 0;
            for (int j = 0; j < 256; j++) {
                float a = Math.abs(x[at + j]);
                if (a > amax) {
                    amax = a;
                    max = x[at + j];
                }
            }
            if (amax == 0) {
                d[k] = 0; // q and sums stay 0
                continue;
            }
            float inverse = -127f / max;
            for (int j = 0; j < 256; j++) {
                q[at + j] = (short) clamp((long) Math.rint(inverse * x[at + j]));
            }
            for (int j = 0; j < 8; j++) {
                int sum = 0;
                for (int i = 0; i < 32; i++) {
                    sum += q[at + 32 * j + i];
                }
                sums[8 * k + j] = sum;
            }
            d[k] = 1 / inverse;
        }
    }

    /** Into [-127, 127]: the kernels' short products rely on it (a NaN activation gives 0). */
    private static long clamp(long v) {
        return Math.max(-127, Math.min(127, v));
    }
}
