package dev.weft.model.gguf;

/**
 * Products of one quantised weight row with a batch of vectors, computed from the row's blocks:
 * a segment of at most {@link #SEGMENT} values is decoded into a small float scratch (it stays in
 * the first-level cache), then multiplied with every vector of the batch before the next segment
 * is decoded. So a batch reads and decodes each weight once, and a vector's result is the same
 * float operations in the same order whatever the batch size (a position's hidden state must not
 * depend on which positions were computed with it: the KV cache relies on it).
 */
interface QuantDot {
    /** Values decoded at a time: one K-quant super-block, or up to eight 32-value blocks. */
    int SEGMENT = 256;

    /** Whether {@link #dot} reads this type (the others go through {@link Dequantize} a row at a time). */
    static boolean handles(GgmlType type) {
        return switch (type) {
            case Q8_0, Q4_0, Q5_0, Q4_K, Q5_K, Q6_K -> true;
            default -> false;
        };
    }

    /**
     * {@code out[b] = row · x[b]} for b in [0, count), where {@code row} holds {@code cols} values
     * of {@code type} (a whole number of blocks) from byte 0.
     */
    void dot(GgmlType type, byte[] row, int cols, float[][] x, int count, float[] out, Scratch scratch);

    String describe();

    /** One thread's working arrays, grown on demand. */
    final class Scratch {
        byte[] row = new byte[0];
        final float[] values = new float[SEGMENT];
        float[] sums = new float[0];
        float[] out = new float[0];

        byte[] row(int bytes) {
            if (row.length < bytes) {
                row = new byte[bytes];
            }
            return row;
        }

        float[] sums(int n) {
            if (sums.length < n) {
                sums = new float[n];
            }
            java.util.Arrays.fill(sums, 0, n, 0f);
            return sums;
        }

        float[] out(int n) {
            if (out.length < n) {
                out = new float[n];
            }
            return out;
        }
    }
}
