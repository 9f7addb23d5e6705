package dev.weft.model.gguf;

/**
 * IEEE half and bfloat16 to float, exact, and float to half rounded to nearest even as ggml's
 * FP32_TO_FP16 (Java 17 has neither Float.float16ToFloat nor floatToFloat16).
 */
final class Half {
    private static final float[] TABLE = new float[1 << 16];

    static {
        for (int h = 0; h < TABLE.length; h++) {
            TABLE[h] = convert(h);
        }
    }

    private Half() {}

    static float toFloat(short bits) {
        return TABLE[bits & 0xffff];
    }

    /** The half nearest {@code f} (ties to even); out of range gives infinity, NaN stays NaN. */
    static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) {
            return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 : 0));
        }
        int e = exponent - 127 + 15;
        if (e >= 31) {
            return (short) (sign | 0x7c00);
        }
        int shift;
        int h;
        if (e <= 0) { // a subnormal half (or zero): units of 2^-24
            if (e < -10) {
                return (short) sign;
            }
            mantissa |= 0x800000;
            shift = 14 - e;
            h = mantissa >>> shift;
        } else {
            shift = 13;
            h = e << 10 | mantissa >>> 13;
        }
        int rest = mantissa & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        if (rest > half || rest == half && (h & 1) == 1) {
            h++; // a carry out of the mantissa moves into the exponent, as it should
        }
        return (short) (sign | h);
    }

    static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    private static float convert(int h) {
        int sign = (h >>> 15) & 1;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        float magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24f; // subnormal: exact in float
        } else if (exponent == 31) {
            magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            magnitude = Float.intBitsToFloat((exponent - 15 + 127) << 23 | mantissa << 13);
        }
        return sign == 1 ? -magnitude : magnitude;
    }
}
