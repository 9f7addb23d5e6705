package dev.weft.model.gguf;

/**
 * Products of a few quantised weight rows with a batch of vectors, computed from the rows' blocks:
 * a segment of at most {@link #SEGMENT} values of each row is decoded into a small float scratch
 * (it stays in the first-level cache), then multiplied with every vector of the batch before the
 * next segment is decoded; each piece of a vector is loaded once for all the rows. So a batch
 * reads and decodes each weight once, and a vector's result is the same float operations in the
 * same order whatever the batch size and however many rows go together (a position's hidden
 * state must not depend on which positions were computed with it: the KV cache relies on it).
 */
interface QuantDot {
    /** Values decoded at a time: one K-quant super-block, or up to eight 32-value blocks. */
    int SEGMENT = 256;
    /** Rows multiplied together at most. */
    int ROWS = 4;

    /** Whether {@link #dot} reads this type (the others go through {@link Dequantize} a row at a time). */
    static boolean handles(GgmlType type) {
        return switch (type) {
            case Q8_0, Q4_0, Q5_0, Q4_K, Q5_K, Q6_K -> true;
            default -> false;
        };
    }

    /**
     * {@code out[b][first + q] = row q · x[b]} for b in [0, count) and q in [0, rows), where
     * {@code bytes} holds {@code rows} (at most {@link #ROWS}) consecutive rows of {@code cols}
     * values of {@code type} (a whole number of blocks) from byte 0.
     */
    void dot(GgmlType type, byte[] bytes, int rows, int cols, float[][] x, int count, float[][] out, int first,
            Scratch scratch);

    String describe();

    /** One thread's working arrays, grown on demand. */
    final class Scratch {
        byte[] row = new byte[0];
        final float[] values = new float[ROWS * SEGMENT];
        float[] sums = new float[0];

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
    }
}
