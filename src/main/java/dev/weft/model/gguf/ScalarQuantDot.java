package dev.weft.model.gguf;

/**
 * {@link QuantDot} in plain Java, as ggml's reference vec_dot functions compute it: each
 * segment's weights unpacked to small integers, an integer sum per block (per sub-block scaled by
 * its integer scale for the K-quants, minus the mins times the activations' block sums), then one
 * float multiply-add per block (per super-block for the K-quants) into the row's sum.
 */
final class ScalarQuantDot implements QuantDot {
    @Override
    public void dot(GgmlType type, byte[] bytes, int rows, int cols, Q8Activations x, float[][] out, int first,
            Scratch scratch) {
        int rowBytes = (int) type.bytesFor(cols);
        boolean k = x.format == Q8Activations.Format.Q8_K;
        float[] sums = scratch.sums(x.count * ROWS);
        short[] w = scratch.values;
        for (int seg = 0; seg < cols; seg += SEGMENT) {
            int len = Math.min(SEGMENT, cols - seg);
            int at = (int) type.bytesFor(seg);
            for (int q = 0; q < rows; q++) {
                unpack(type, bytes, q * rowBytes + at, len, scratch, q);
            }
            for (int b = 0; b < x.count; b++) {
                short[] v = x.q[b];
                for (int q = 0; q < rows; q++) {
                    int wo = q * SEGMENT;
                    float sum = sums[b * ROWS + q];
                    if (k) {
                        int isum = 0;
                        for (int i = 0; i < SEGMENT; i += 2) {
                            isum += scratch.pairScales[q * SEGMENT / 2 + i / 2]
                                    * (w[wo + i] * v[seg + i] + w[wo + i + 1] * v[seg + i + 1]);
                        }
                        float dx = x.d[b][seg / SEGMENT];
                        sum += scratch.d[q] * dx * isum;
                        if (type != GgmlType.Q6_K) {
                            int msum = 0;
                            for (int j = 0; j < 8; j++) {
                                msum += scratch.mins[q * 8 + j] * x.sums[b][seg / 32 + j];
                            }
                            sum -= scratch.dmin[q] * dx * msum;
                        }
                    } else {
                        for (int blk = 0; blk < len / 32; blk++) {
                            int isum = 0;
                            for (int i = 32 * blk; i < 32 * blk + 32; i++) {
                                isum += w[wo + i] * v[seg + i];
                            }
                            sum += scratch.blockScales[q * 8 + blk] * x.d[b][seg / 32 + blk] * isum;
                        }
                    }
                    sums[b * ROWS + q] = sum;
                }
            }
        }
        for (int b = 0; b < x.count; b++) {
            for (int q = 0; q < rows; q++) {
                out[b][first + q] = sums[b * ROWS + q];
            }
        }
    }

    /**
     * Unpacks {@code len} values (whole blocks) of row {@code q}'s bytes from {@code at} into the
     * scratch: values at {@code q * SEGMENT}, and the row's scales.
     */
    static void unpack(GgmlType type, byte[] r, int at, int len, Scratch s, int q) {
        short[] w = s.values;
        int o = q * SEGMENT;
        switch (type) {
            case Q8_0 -> {
                for (int k = 0; k < len / 32; k++, at += 34, o += 32) {
                    s.blockScales[q * 8 + k] = half(r, at);
                    for (int j = 0; j < 32; j++) {
                        w[o + j] = r[at + 2 + j];
                    }
                }
            }
            case Q4_0 -> {
                for (int k = 0; k < len / 32; k++, at += 18, o += 32) {
                    s.blockScales[q * 8 + k] = half(r, at);
                    for (int j = 0; j < 16; j++) {
                        int v = r[at + 2 + j] & 0xff;
                        w[o + j] = (short) ((v & 0xF) - 8);
                        w[o + j + 16] = (short) ((v >>> 4) - 8);
                    }
                }
            }
            case Q5_0 -> {
                for (int k = 0; k < len / 32; k++, at += 22, o += 32) {
                    s.blockScales[q * 8 + k] = half(r, at);
                    int qh = int32(r, at + 2);
                    for (int j = 0; j < 16; j++) {
                        int v = r[at + 6 + j] & 0xff;
                        w[o + j] = (short) (((v & 0xF) | ((qh >>> j) & 1) << 4) - 16);
                        w[o + j + 16] = (short) (((v >>> 4) | ((qh >>> (j + 16)) & 1) << 4) - 16);
                    }
                }
            }
            case Q4_K, Q5_K -> {
                boolean five = type == GgmlType.Q5_K;
                kScales(r, at, s, q);
                int ql = at + (five ? 48 : 16);
                for (int j = 0; j < 4; j++) {
                    for (int l = 0; l < 32; l++) {
                        int v = r[ql + 32 * j + l] & 0xff;
                        int lo = v & 0xF;
                        int hi = v >>> 4;
                        if (five) {
                            int h = r[at + 16 + l] & 0xff;
                            lo |= ((h >>> (2 * j)) & 1) << 4;
                            hi |= ((h >>> (2 * j + 1)) & 1) << 4;
                        }
                        w[o + 64 * j + l] = (short) lo;
                        w[o + 64 * j + 32 + l] = (short) hi;
                    }
                }
            }
            case Q6_K -> {
                s.d[q] = half(r, at + 208);
                for (int g = 0; g < 16; g++) {
                    java.util.Arrays.fill(s.pairScales, q * SEGMENT / 2 + 8 * g, q * SEGMENT / 2 + 8 * g + 8, r[at + 192 + g]);
                }
                for (int n = 0; n < 2; n++) {
                    int ql = at + 64 * n;
                    int qh = at + 128 + 32 * n;
                    int base = o + 128 * n;
                    for (int l = 0; l < 32; l++) {
                        int h = r[qh + l] & 0xff;
                        int a = r[ql + l] & 0xff;
                        int c = r[ql + l + 32] & 0xff;
                        w[base + l] = (short) (((a & 0xF) | (h & 3) << 4) - 32);
                        w[base + l + 32] = (short) (((c & 0xF) | ((h >>> 2) & 3) << 4) - 32);
                        w[base + l + 64] = (short) (((a >>> 4) | ((h >>> 4) & 3) << 4) - 32);
                        w[base + l + 96] = (short) (((c >>> 4) | ((h >>> 6) & 3) << 4) - 32);
                    }
                }
            }
            default -> throw new IllegalArgumentException(type.name());
        }
    }

    /** Q4_K and Q5_K: the super-block's scales, its eight sub-block scales (per pair) and mins. */
    static void kScales(byte[] r, int at, Scratch s, int q) {
        s.d[q] = half(r, at);
        s.dmin[q] = half(r, at + 2);
        for (int j = 0; j < 8; j++) {
            int p = q * SEGMENT / 2 + 16 * j;
            java.util.Arrays.fill(s.pairScales, p, p + 16, scaleMinK4(r, at + 4, j, false));
            s.mins[q * 8 + j] = scaleMinK4(r, at + 4, j, true);
        }
    }

    static float half(byte[] r, int at) {
        return Half.toFloat((short) ((r[at] & 0xff) | (r[at + 1] << 8)));
    }

    static int int32(byte[] r, int at) {
        return (r[at] & 0xff) | (r[at + 1] & 0xff) << 8 | (r[at + 2] & 0xff) << 16 | r[at + 3] << 24;
    }

    /** ggml's get_scale_min_k4 over the 12 scale bytes at {@code s}: scale {@code j}, or its min. */
    static int scaleMinK4(byte[] r, int s, int j, boolean min) {
        if (j < 4) {
            return r[s + j + (min ? 4 : 0)] & 63;
        }
        return min
                ? ((r[s + j + 4] & 0xff) >>> 4) | (((r[s + j] & 0xff) >>> 6) << 4)
                : (r[s + j + 4] & 0xF) | (((r[s + j - 4] & 0xff) >>> 6) << 4);
    }

    @Override
    public String describe() {
        return "scalar, 8-bit activations";
    }
}
