package dev.weft.model.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * One block of each type with chosen bytes; the expected values are worked out by hand from the
 * block layouts of ggml-common.h and the formulas of ggml-quants.c's dequantize_row_* (ggml-org/
 * llama.cpp, ggml/src). All of them are exact in float, so equality is exact.
 */
class DequantizeTest {
    private static final short HALF_ONE = 0x3C00, HALF_HALF = 0x3800, HALF_TWO = 0x4000, HALF_QUARTER = 0x3400;
    private static final short HALF_MINUS_ONE = (short) 0xBC00, HALF_TEN = 0x4900;

    private static float[] dequantize(GgmlType type, ByteBuffer block) {
        float[] out = new float[type.blockSize()];
        Dequantize.block(type, block.order(ByteOrder.LITTLE_ENDIAN), 0, out, 0);
        return out;
    }

    private static ByteBuffer block(GgmlType type) {
        return ByteBuffer.allocate(type.blockBytes()).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void halfAndBrainFloat() {
        assertEquals(1.0f, Half.toFloat(HALF_ONE));
        assertEquals(-2.0f, Half.toFloat((short) 0xC000));
        assertEquals(0x1p-24f, Half.toFloat((short) 0x0001)); // smallest subnormal
        assertEquals(65504f, Half.toFloat((short) 0x7BFF)); // largest normal
        assertEquals(Float.NEGATIVE_INFINITY, Half.toFloat((short) 0xFC00));
        assertEquals(1.0f, Half.bf16ToFloat((short) 0x3F80));
        assertEquals(-5.0f, Half.bf16ToFloat((short) 0xC0A0));
    }

    @Test
    void q8_0IsScaleTimesSignedByte() {
        ByteBuffer b = block(GgmlType.Q8_0).putShort(0, HALF_HALF);
        b.put(2, (byte) -128).put(3, (byte) -1).put(6, (byte) 127);
        float[] y = dequantize(GgmlType.Q8_0, b);
        assertEquals(-64f, y[0]);
        assertEquals(-0.5f, y[1]);
        assertEquals(0f, y[2]);
        assertEquals(63.5f, y[4]);
    }

    @Test
    void q4_0LowNibblesFirstHalfHighNibblesSecond() {
        ByteBuffer b = block(GgmlType.Q4_0).putShort(0, HALF_TWO);
        b.put(2, (byte) 0x1F);
        float[] y = dequantize(GgmlType.Q4_0, b);
        assertEquals(14f, y[0]); // (15 - 8) * 2
        assertEquals(-14f, y[16]); // (1 - 8) * 2
        assertEquals(-16f, y[1]); // (0 - 8) * 2
    }

    @Test
    void q4_1AddsTheMinimum() {
        ByteBuffer b = block(GgmlType.Q4_1).putShort(0, HALF_HALF).putShort(2, HALF_MINUS_ONE);
        b.put(4 + 3, (byte) 0xA5);
        float[] y = dequantize(GgmlType.Q4_1, b);
        assertEquals(1.5f, y[3]); // 5 * 0.5 - 1
        assertEquals(4f, y[19]); // 10 * 0.5 - 1
        assertEquals(-1f, y[0]);
    }

    @Test
    void q5_0TakesTheFifthBitFromQh() {
        ByteBuffer b = block(GgmlType.Q5_0).putShort(0, HALF_ONE).putInt(2, 0x00010001);
        b.put(6, (byte) 0x21);
        float[] y = dequantize(GgmlType.Q5_0, b);
        assertEquals(1f, y[0]); // (1 | 16) - 16
        assertEquals(2f, y[16]); // (2 | 16) - 16, bit 16 of qh
        assertEquals(-16f, y[1]);
        assertEquals(-16f, y[17]);
    }

    @Test
    void q5_1TakesTheFifthBitAndAddsTheMinimum() {
        ByteBuffer b = block(GgmlType.Q5_1).putShort(0, HALF_QUARTER).putShort(2, HALF_TEN).putInt(4, 0x80000000);
        b.put(8 + 15, (byte) 0xF0);
        float[] y = dequantize(GgmlType.Q5_1, b);
        assertEquals(10f, y[15]); // 0 * 0.25 + 10
        assertEquals(17.75f, y[31]); // (15 | 16) * 0.25 + 10, bit 31 of qh
    }

    @Test
    void q2_kFourCrumbsPerByteEachGroupOf16WithItsScaleAndMin() {
        ByteBuffer b = block(GgmlType.Q2_K).putShort(80, HALF_ONE).putShort(82, HALF_HALF);
        b.put(0, (byte) 0x23).put(2, (byte) 0x11).put(4, (byte) 0x05).put(6, (byte) 0xF1);
        b.put(16, (byte) 0xE4); // crumbs 0, 1, 2, 3 from the low bits up
        b.put(8, (byte) 0x02).put(16 + 32, (byte) 0x03);
        float[] y = dequantize(GgmlType.Q2_K, b);
        assertEquals(-1f, y[0]); // 3 * 0 - 0.5 * 2
        assertEquals(0.5f, y[32]); // 1 * 1 - 0.5 * 1
        assertEquals(10f, y[64]); // 5 * 2 - 0
        assertEquals(-4.5f, y[96]); // 1 * 3 - 0.5 * 15
        assertEquals(6f, y[128]); // scales[8] = 2: 2 * 3, from qs[32]
    }

    @Test
    void q3_kSixBitScalesAndTheHighBitMask() {
        ByteBuffer b = block(GgmlType.Q3_K).putShort(108, HALF_HALF);
        b.put(96, (byte) 0x05).put(96 + 8, (byte) 0x02); // scale 0 = (5 | 2 << 4) - 32 = 5
        b.put(96 + 1, (byte) 0x70).put(96 + 9, (byte) 0x30); // scale 9 = (7 | 3 << 4) - 32 = 23
        b.put(32, (byte) 3).put(0, (byte) 1); // value 0: q 3, high bit set: 3
        b.put(32 + 48, (byte) 2).put(16, (byte) 0x10); // value 144: q 2, high bit (mask 16) set: 2
        float[] y = dequantize(GgmlType.Q3_K, b);
        assertEquals(7.5f, y[0]); // 0.5 * 5 * 3
        assertEquals(-10f, y[1]); // 0.5 * 5 * (0 - 4)
        assertEquals(23f, y[144]); // 0.5 * 23 * 2
    }

    @Test
    void q4_kSixBitScalesAndMinsPackedInTwelveBytes() {
        ByteBuffer b = block(GgmlType.Q4_K).putShort(0, HALF_ONE).putShort(2, HALF_HALF);
        b.put(4, (byte) (10 | 0x40)).put(4 + 4, (byte) 4).put(4 + 1, (byte) 1).put(4 + 8, (byte) 0x23);
        b.put(16, (byte) 0x73).put(16 + 64, (byte) 0x05);
        float[] y = dequantize(GgmlType.Q4_K, b);
        assertEquals(28f, y[0]); // 10 * 3 - 0.5 * 4
        assertEquals(7f, y[32]); // scale 1, min 0: 1 * 7
        assertEquals(94f, y[128]); // scale 4 = 3 | 1 << 4 = 19, min 4 = 2: 19 * 5 - 0.5 * 2
    }

    @Test
    void q5_kAddsSixteenWhereTheHighBitIsSet() {
        ByteBuffer b = block(GgmlType.Q5_K).putShort(0, HALF_HALF).putShort(2, HALF_ONE);
        b.put(4, (byte) 2).put(4 + 4, (byte) 3).put(4 + 1, (byte) 4).put(4 + 5, (byte) 1).put(4 + 2, (byte) 1);
        b.put(16, (byte) 0x07).put(48, (byte) 0x01).put(48 + 32, (byte) 0x0F);
        float[] y = dequantize(GgmlType.Q5_K, b);
        assertEquals(14f, y[0]); // 0.5 * 2 * (1 + 16) - 3
        assertEquals(31f, y[32]); // 0.5 * 4 * (0 + 16) - 1
        assertEquals(15.5f, y[64]); // 0.5 * 1 * (15 + 16) - 0
    }

    @Test
    void q6_kSignedScalesAndSixBitValues() {
        ByteBuffer b = block(GgmlType.Q6_K).putShort(208, HALF_QUARTER);
        b.put(192, (byte) -2).put(192 + 2, (byte) 3).put(192 + 6, (byte) 1).put(192 + 8, (byte) 4);
        b.put(0, (byte) 0x0A).put(128, (byte) 0xC2).put(32, (byte) 0xF0).put(64, (byte) 0x01);
        float[] y = dequantize(GgmlType.Q6_K, b);
        assertEquals(-5f, y[0]); // 0.25 * -2 * ((10 | 2 << 4) - 32)
        assertEquals(-24f, y[32]); // 0.25 * 3 * (0 - 32)
        assertEquals(7.75f, y[96]); // 0.25 * 1 * ((15 | 3 << 4) - 32)
        assertEquals(-31f, y[128]); // 0.25 * 4 * (1 - 32)
    }

    @Test
    void aRowIsItsBlocksInOrder() {
        ByteBuffer b = ByteBuffer.allocate(2 * GgmlType.Q8_0.blockBytes()).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, HALF_ONE).put(2, (byte) 5).putShort(34, HALF_TWO).put(36, (byte) 5);
        float[] y = new float[64];
        Dequantize.row(GgmlType.Q8_0, b, 0, y, 0, 64);
        assertEquals(5f, y[0]);
        assertEquals(10f, y[32]);
    }
}
