package dev.weft.model.gguf;

import java.nio.ByteBuffer;

/**
 * Block dequantisation exactly as ggml's reference {@code dequantize_row_*} functions
 * (ggml-quants.c, layouts in ggml-common.h), with the same float operations in the same order, so
 * every value is bit-identical to ggml's (compiled without contracting a*b+c into one fused
 * multiply-add). The buffer is little-endian; {@code at} is a byte offset within it.
 */
final class Dequantize {
    private Dequantize() {}

    /** Writes the {@code type.blockSize()} values of the block at byte {@code at} into {@code out[o..]}. */
    static void block(GgmlType type, ByteBuffer b, int at, float[] out, int o) {
        switch (type) {
            case F32 -> out[o] = b.getFloat(at);
            case F16 -> out[o] = Half.toFloat(b.getShort(at));
            case BF16 -> out[o] = Half.bf16ToFloat(b.getShort(at));
            case Q4_0 -> q4_0(b, at, out, o);
            case Q4_1 -> q4_1(b, at, out, o);
            case Q5_0 -> q5_0(b, at, out, o);
            case Q5_1 -> q5_1(b, at, out, o);
            case Q8_0 -> q8_0(b, at, out, o);
            case Q2_K -> q2_k(b, at, out, o);
            case Q3_K -> q3_k(b, at, out, o);
            case Q4_K -> q4_k(b, at, out, o);
            case Q5_K -> q5_k(b, at, out, o);
            case Q6_K -> q6_k(b, at, out, o);
        }
    }

    /** {@code count} values (a whole number of blocks) starting at byte {@code at}. */
    static void row(GgmlType type, ByteBuffer b, int at, float[] out, int o, int count) {
        switch (type) {
            case F32 -> {
                for (int i = 0; i < count; i++) {
                    out[o + i] = b.getFloat(at + 4 * i);
                }
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    out[o + i] = Half.toFloat(b.getShort(at + 2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    out[o + i] = Half.bf16ToFloat(b.getShort(at + 2 * i));
                }
            }
            default -> {
                int blocks = count / type.blockSize();
                for (int k = 0; k < blocks; k++) {
                    block(type, b, at + k * type.blockBytes(), out, o + k * type.blockSize());
                }
            }
        }
    }

    private static float half(ByteBuffer b, int at) {
        return Half.toFloat(b.getShort(at));
    }

    private static int u8(ByteBuffer b, int at) {
        return b.get(at) & 0xff;
    }

    static void q4_0(ByteBuffer b, int at, float[] y, int o) {
        float d = half(b, at);
        for (int j = 0; j < 16; j++) {
            int q = u8(b, at + 2 + j);
            y[o + j] = ((q & 0x0F) - 8) * d;
            y[o + j + 16] = ((q >>> 4) - 8) * d;
        }
    }

    static void q4_1(ByteBuffer b, int at, float[] y, int o) {
        float d = half(b, at);
        float m = half(b, at + 2);
        for (int j = 0; j < 16; j++) {
            int q = u8(b, at + 4 + j);
            y[o + j] = (q & 0x0F) * d + m;
            y[o + j + 16] = (q >>> 4) * d + m;
        }
    }

    static void q5_0(ByteBuffer b, int at, float[] y, int o) {
        float d = half(b, at);
        int qh = b.getInt(at + 2);
        for (int j = 0; j < 16; j++) {
            int q = u8(b, at + 6 + j);
            int xh0 = ((qh >>> j) << 4) & 0x10;
            int xh1 = (qh >>> (j + 12)) & 0x10;
            y[o + j] = (((q & 0x0F) | xh0) - 16) * d;
            y[o + j + 16] = (((q >>> 4) | xh1) - 16) * d;
        }
    }

    static void q5_1(ByteBuffer b, int at, float[] y, int o) {
        float d = half(b, at);
        float m = half(b, at + 2);
        int qh = b.getInt(at + 4);
        for (int j = 0; j < 16; j++) {
            int q = u8(b, at + 8 + j);
            int xh0 = ((qh >>> j) << 4) & 0x10;
            int xh1 = (qh >>> (j + 12)) & 0x10;
            y[o + j] = ((q & 0x0F) | xh0) * d + m;
            y[o + j + 16] = ((q >>> 4) | xh1) * d + m;
        }
    }

    static void q8_0(ByteBuffer b, int at, float[] y, int o) {
        float d = half(b, at);
        for (int j = 0; j < 32; j++) {
            y[o + j] = b.get(at + 2 + j) * d;
        }
    }

    static void q2_k(ByteBuffer b, int at, float[] y, int o) {
        float d = half(b, at + 80);
        float min = half(b, at + 82);
        int q = at + 16;
        int is = 0;
        for (int n = 0; n < 256; n += 128) {
            int shift = 0;
            for (int j = 0; j < 4; j++) {
                int sc = u8(b, at + is++);
                float dl = d * (sc & 0xF);
                float ml = min * (sc >>> 4);
                for (int l = 0; l < 16; l++) {
                    y[o++] = dl * ((u8(b, q + l) >>> shift) & 3) - ml;
                }
                sc = u8(b, at + is++);
                dl = d * (sc & 0xF);
                ml = min * (sc >>> 4);
                for (int l = 0; l < 16; l++) {
                    y[o++] = dl * ((u8(b, q + l + 16) >>> shift) & 3) - ml;
                }
                shift += 2;
            }
            q += 32;
        }
    }

    static void q3_k(ByteBuffer b, int at, float[] y, int o) {
        final int kmask1 = 0x03030303;
        final int kmask2 = 0x0f0f0f0f;
        float dAll = half(b, at + 108);
        int a0 = b.getInt(at + 96);
        int a1 = b.getInt(at + 100);
        int tmp = b.getInt(at + 104);
        int[] aux = {
            (a0 & kmask2) | (((tmp) & kmask1) << 4),
            (a1 & kmask2) | (((tmp >>> 2) & kmask1) << 4),
            ((a0 >>> 4) & kmask2) | (((tmp >>> 4) & kmask1) << 4),
            ((a1 >>> 4) & kmask2) | (((tmp >>> 6) & kmask1) << 4),
        };
        int q = at + 32;
        int hm = at;
        int m = 1;
        int is = 0;
        for (int n = 0; n < 256; n += 128) {
            int shift = 0;
            for (int j = 0; j < 4; j++) {
                float dl = dAll * (scale(aux, is++) - 32);
                for (int l = 0; l < 16; l++) {
                    y[o++] = dl * (((u8(b, q + l) >>> shift) & 3) - ((u8(b, hm + l) & m) != 0 ? 0 : 4));
                }
                dl = dAll * (scale(aux, is++) - 32);
                for (int l = 0; l < 16; l++) {
                    y[o++] = dl * (((u8(b, q + l + 16) >>> shift) & 3) - ((u8(b, hm + l + 16) & m) != 0 ? 0 : 4));
                }
                shift += 2;
                m <<= 1;
            }
            q += 32;
        }
    }

    /** Byte {@code i} of the little-endian words {@code aux}, as ggml reads them through an int8 pointer. */
    private static int scale(int[] aux, int i) {
        return (byte) (aux[i >>> 2] >>> (8 * (i & 3)));
    }

    /** ggml's get_scale_min_k4: the 6-bit scale (or, with {@code min}, the 6-bit min) number {@code j}. */
    private static int scaleMinK4(ByteBuffer b, int scales, int j, boolean min) {
        if (j < 4) {
            return u8(b, scales + j + (min ? 4 : 0)) & 63;
        }
        return min
                ? (u8(b, scales + j + 4) >>> 4) | ((u8(b, scales + j) >>> 6) << 4)
                : (u8(b, scales + j + 4) & 0xF) | ((u8(b, scales + j - 4) >>> 6) << 4);
    }

    static void q4_k(ByteBuffer b, int at, float[] y, int o) {
        float d = half(b, at);
        float min = half(b, at + 2);
        int scales = at + 4;
        int q = at + 16;
        int is = 0;
        for (int j = 0; j < 256; j += 64) {
            float d1 = d * scaleMinK4(b, scales, is, false);
            float m1 = min * scaleMinK4(b, scales, is, true);
            float d2 = d * scaleMinK4(b, scales, is + 1, false);
            float m2 = min * scaleMinK4(b, scales, is + 1, true);
            for (int l = 0; l < 32; l++) {
                y[o++] = d1 * (u8(b, q + l) & 0xF) - m1;
            }
            for (int l = 0; l < 32; l++) {
                y[o++] = d2 * (u8(b, q + l) >>> 4) - m2;
            }
            q += 32;
            is += 2;
        }
    }

    static void q5_k(ByteBuffer b, int at, float[] y, int o) {
        float d = half(b, at);
        float min = half(b, at + 2);
        int scales = at + 4;
        int qh = at + 16;
        int ql = at + 48;
        int is = 0;
        int u1 = 1;
        int u2 = 2;
        for (int j = 0; j < 256; j += 64) {
            float d1 = d * scaleMinK4(b, scales, is, false);
            float m1 = min * scaleMinK4(b, scales, is, true);
            float d2 = d * scaleMinK4(b, scales, is + 1, false);
            float m2 = min * scaleMinK4(b, scales, is + 1, true);
            for (int l = 0; l < 32; l++) {
                y[o++] = d1 * ((u8(b, ql + l) & 0xF) + ((u8(b, qh + l) & u1) != 0 ? 16 : 0)) - m1;
            }
            for (int l = 0; l < 32; l++) {
                y[o++] = d2 * ((u8(b, ql + l) >>> 4) + ((u8(b, qh + l) & u2) != 0 ? 16 : 0)) - m2;
            }
            ql += 32;
            is += 2;
            u1 <<= 2;
            u2 <<= 2;
        }
    }

    static void q6_k(ByteBuffer b, int at, float[] y, int o) {
        float d = half(b, at + 208);
        int ql = at;
        int qh = at + 128;
        int sc = at + 192;
        for (int n = 0; n < 256; n += 128) {
            for (int l = 0; l < 32; l++) {
                int is = l / 16;
                int h = u8(b, qh + l);
                int q1 = ((u8(b, ql + l) & 0xF) | ((h & 3) << 4)) - 32;
                int q2 = ((u8(b, ql + l + 32) & 0xF) | (((h >>> 2) & 3) << 4)) - 32;
                int q3 = ((u8(b, ql + l) >>> 4) | (((h >>> 4) & 3) << 4)) - 32;
                int q4 = ((u8(b, ql + l + 32) >>> 4) | (((h >>> 6) & 3) << 4)) - 32;
                y[o + n + l] = d * b.get(sc + is) * q1;
                y[o + n + l + 32] = d * b.get(sc + is + 2) * q2;
                y[o + n + l + 64] = d * b.get(sc + is + 4) * q3;
                y[o + n + l + 96] = d * b.get(sc + is + 6) * q4;
            }
            ql += 64;
            qh += 32;
            sc += 8;
        }
    }
}
