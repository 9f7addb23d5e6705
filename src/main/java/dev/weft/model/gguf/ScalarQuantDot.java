package dev.weft.model.gguf;

/**
 * {@link QuantDot} in plain Java, a row at a time: each segment decoded with ggml's reference
 * arithmetic (the same values as {@link Dequantize}), then summed against each vector with four
 * partial sums.
 */
final class ScalarQuantDot implements QuantDot {
    @Override
    public void dot(GgmlType type, byte[] bytes, int rows, int cols, float[][] x, int count, float[][] out, int first,
            Scratch scratch) {
        float[] w = scratch.values;
        int rowBytes = (int) type.bytesFor(cols);
        int perSegment = Math.max(type.blockSize(), SEGMENT);
        for (int q = 0; q < rows; q++) {
            float[] sums = scratch.sums(count);
            for (int seg = 0; seg < cols; seg += perSegment) {
                int len = Math.min(perSegment, cols - seg);
                decode(type, bytes, q * rowBytes + (int) type.bytesFor(seg), len, w);
                for (int b = 0; b < count; b++) {
                    float[] v = x[b];
                    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                    for (int i = 0; i < len; i += 4) {
                        s0 += w[i] * v[seg + i];
                        s1 += w[i + 1] * v[seg + i + 1];
                        s2 += w[i + 2] * v[seg + i + 2];
                        s3 += w[i + 3] * v[seg + i + 3];
                    }
                    sums[b] += (s0 + s1) + (s2 + s3);
                }
            }
            for (int b = 0; b < count; b++) {
                out[b][first + q] = sums[b];
            }
        }
    }

    /** Decodes {@code len} values (whole blocks) from byte {@code at} into {@code w[0..len)}. */
    static void decode(GgmlType type, byte[] r, int at, int len, float[] w) {
        decode(type, r, at, len, w, 0);
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

    static float half(byte[] r, int at) {
        return Half.toFloat((short) ((r[at] & 0xff) | (r[at + 1] << 8)));
    }

    static int int32(byte[] r, int at) {
        return (r[at] & 0xff) | (r[at + 1] & 0xff) << 8 | (r[at + 2] & 0xff) << 16 | r[at + 3] << 24;
    }

    private static void q8_0(byte[] r, int from, int blocks, float[] y, int wo) {
        for (int k = 0; k < blocks; k++) {
            int at = from + k * 34;
            int o = wo + k * 32;
            float d = half(r, at);
            for (int j = 0; j < 32; j++) {
                y[o + j] = r[at + 2 + j] * d;
            }
        }
    }

    private static void q4_0(byte[] r, int from, int blocks, float[] y, int wo) {
        for (int k = 0; k < blocks; k++) {
            int at = from + k * 18;
            int o = wo + k * 32;
            float d = half(r, at);
            for (int j = 0; j < 16; j++) {
                int q = r[at + 2 + j] & 0xff;
                y[o + j] = ((q & 0x0F) - 8) * d;
                y[o + j + 16] = ((q >>> 4) - 8) * d;
            }
        }
    }

    private static void q5_0(byte[] r, int from, int blocks, float[] y, int wo) {
        for (int k = 0; k < blocks; k++) {
            int at = from + k * 22;
            int o = wo + k * 32;
            float d = half(r, at);
            int qh = int32(r, at + 2);
            for (int j = 0; j < 16; j++) {
                int q = r[at + 6 + j] & 0xff;
                int xh0 = ((qh >>> j) << 4) & 0x10;
                int xh1 = (qh >>> (j + 12)) & 0x10;
                y[o + j] = (((q & 0x0F) | xh0) - 16) * d;
                y[o + j + 16] = (((q >>> 4) | xh1) - 16) * d;
            }
        }
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

    private static void q4_k(byte[] r, int from, int blocks, float[] y, int wo) {
        for (int k = 0; k < blocks; k++) {
            int at = from + k * 144;
            int o = wo + k * 256;
            float d = half(r, at);
            float min = half(r, at + 2);
            int q = at + 16;
            for (int j = 0, is = 0; j < 256; j += 64, is += 2, q += 32) {
                float d1 = d * scaleMinK4(r, at + 4, is, false);
                float m1 = min * scaleMinK4(r, at + 4, is, true);
                float d2 = d * scaleMinK4(r, at + 4, is + 1, false);
                float m2 = min * scaleMinK4(r, at + 4, is + 1, true);
                for (int l = 0; l < 32; l++) {
                    int v = r[q + l] & 0xff;
                    y[o + j + l] = d1 * (v & 0xF) - m1;
                    y[o + j + 32 + l] = d2 * (v >>> 4) - m2;
                }
            }
        }
    }

    private static void q5_k(byte[] r, int from, int blocks, float[] y, int wo) {
        for (int k = 0; k < blocks; k++) {
            int at = from + k * 176;
            int o = wo + k * 256;
            float d = half(r, at);
            float min = half(r, at + 2);
            int qh = at + 16;
            int ql = at + 48;
            for (int j = 0, is = 0; j < 256; j += 64, is += 2, ql += 32) {
                float d1 = d * scaleMinK4(r, at + 4, is, false);
                float m1 = min * scaleMinK4(r, at + 4, is, true);
                float d2 = d * scaleMinK4(r, at + 4, is + 1, false);
                float m2 = min * scaleMinK4(r, at + 4, is + 1, true);
                int shift = j / 32;
                for (int l = 0; l < 32; l++) {
                    int v = r[ql + l] & 0xff;
                    int h = r[qh + l] >>> shift;
                    y[o + j + l] = d1 * ((v & 0xF) + ((h & 1) << 4)) - m1;
                    y[o + j + 32 + l] = d2 * ((v >>> 4) + ((h & 2) << 3)) - m2;
                }
            }
        }
    }

    private static void q6_k(byte[] r, int from, int blocks, float[] y, int wo) {
        for (int k = 0; k < blocks; k++) {
            int at = from + k * 210;
            int o = wo + k * 256;
            float d = half(r, at + 208);
            for (int n = 0; n < 2; n++) {
                int ql = at + 64 * n;
                int qh = at + 128 + 32 * n;
                int sc = at + 192 + 8 * n;
                int base = o + 128 * n;
                for (int l = 0; l < 32; l++) {
                    int is = l / 16;
                    int h = r[qh + l] & 0xff;
                    int a = r[ql + l] & 0xff;
                    int c = r[ql + l + 32] & 0xff;
                    y[base + l] = d * r[sc + is] * (((a & 0xF) | ((h & 3) << 4)) - 32);
                    y[base + l + 32] = d * r[sc + is + 2] * (((c & 0xF) | (((h >>> 2) & 3) << 4)) - 32);
                    y[base + l + 64] = d * r[sc + is + 4] * (((a >>> 4) | (((h >>> 4) & 3) << 4)) - 32);
                    y[base + l + 96] = d * r[sc + is + 6] * (((c >>> 4) | (((h >>> 6) & 3) << 4)) - 32);
                }
            }
        }
    }

    @Override
    public String describe() {
        return "scalar";
    }
}
