package dev.weft.model.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Tensor bytes with random values for tests and benchmarks: quantised blocks are random bits with
 * their scale fields set so that weights stay around ±0.3, a sane range for a forward pass.
 */
public final class RandomTensors {
    private RandomTensors() {}

    public static byte[] bytes(GgmlType type, long elements, SplittableRandom random) {
        byte[] out = new byte[(int) type.bytesFor(elements)];
        fill(type, out, random);
        return out;
    }

    /** Fills {@code out} (a whole number of blocks) in place. */
    public static void fill(GgmlType type, byte[] out, SplittableRandom random) {
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case F32 -> {
                for (int i = 0; i < out.length; i += 4) {
                    b.putFloat(i, (float) (random.nextGaussian() * 0.08));
                }
                return;
            }
            case F16 -> {
                for (int i = 0; i < out.length; i += 2) {
                    b.putShort(i, toHalf((float) (random.nextGaussian() * 0.08)));
                }
                return;
            }
            case BF16 -> {
                for (int i = 0; i < out.length; i += 2) {
                    b.putShort(i, (short) (Float.floatToIntBits((float) (random.nextGaussian() * 0.08)) >>> 16));
                }
                return;
            }
            default -> { }
        }
        for (int i = 0; i < out.length; i += 8) {
            long r = random.nextLong();
            for (int j = 0; j < 8 && i + j < out.length; j++) {
                out[i + j] = (byte) (r >>> (8 * j));
            }
        }
        int bs = type.blockBytes();
        for (int at = 0; at < out.length; at += bs) {
            float jitter = (float) (0.75 + 0.5 * random.nextDouble());
            switch (type) {
                case Q4_0 -> b.putShort(at, toHalf(0.03f * jitter));
                case Q4_1 -> { b.putShort(at, toHalf(0.02f * jitter)); b.putShort(at + 2, toHalf(-0.15f * jitter)); }
                case Q5_0 -> b.putShort(at, toHalf(0.015f * jitter));
                case Q5_1 -> { b.putShort(at, toHalf(0.01f * jitter)); b.putShort(at + 2, toHalf(-0.15f * jitter)); }
                case Q8_0 -> b.putShort(at, toHalf(0.002f * jitter));
                case Q2_K -> { b.putShort(at + 80, toHalf(0.005f * jitter)); b.putShort(at + 82, toHalf(0.003f * jitter)); }
                case Q3_K -> b.putShort(at + 108, toHalf(0.002f * jitter));
                case Q4_K -> { b.putShort(at, toHalf(0.0003f * jitter)); b.putShort(at + 2, toHalf(0.002f * jitter)); }
                case Q5_K -> { b.putShort(at, toHalf(0.00015f * jitter)); b.putShort(at + 2, toHalf(0.002f * jitter)); }
                case Q6_K -> b.putShort(at + 208, toHalf(0.00007f * jitter));
                default -> throw new IllegalArgumentException(type.name());
            }
        }
    }

    public static byte[] floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** Float to IEEE half, round to nearest even, for normal and subnormal values in range. */
    public static short toHalf(float f) {
        int bits = Float.floatToIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        float a = Math.abs(f);
        if (a >= 65520f) {
            return (short) (sign | 0x7c00);
        }
        if (a < 0x1p-14f) { // subnormal half: a multiple of 2^-24
            return (short) (sign | Math.round(a * 0x1p24f));
        }
        int e = Math.getExponent(a);
        int mantissa = Math.round((a / (float) Math.scalb(1.0, e) - 1f) * 1024f);
        if (mantissa == 1024) {
            mantissa = 0;
            e++;
        }
        return (short) (sign | ((e + 15) << 10) | mantissa);
    }
}
