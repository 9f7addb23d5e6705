package dev.weft.model.gguf;

/**
 * Products of a few quantised weight rows with a batch of vectors quantised to 8 bits once per
 * matrix product ({@link Q8Activations}, as ggml does): a segment of at most {@link #SEGMENT}
 * values of each row (one K-quant super-block, or up to eight 32-value blocks) is unpacked into a
 * small scratch (it stays in the first-level cache), then multiplied with every vector of the
 * batch before the next segment. {@link ScalarQuantDot} computes ggml's integer sums per block and
 * scales each once; {@link VectorQuantDot} the same products in float lanes. A batch reads and
 * unpacks each weight once, and a vector's result is the same operations in the same order
 * whatever the batch size and however many rows go together (a position's hidden state must not
 * depend on which positions were computed with it: the KV cache relies on it).
 */
interface QuantDot {
    /** Values unpacked at a time: one K-quant super-block, or up to eight 32-value blocks. */
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
     * {@code out[b][first + q] = row q · x[b]} for b in [0, x.count) and q in [0, rows), where
     * {@code bytes} holds {@code rows} (at most {@link #ROWS}) consecutive rows of {@code cols}
     * values of {@code type} (a whole number of blocks) from byte 0, and {@code x} is in
     * {@link Q8Activations#formatFor type's format}.
     */
    void dot(GgmlType type, byte[] bytes, int rows, int cols, Q8Activations x, float[][] out, int first,
            Scratch scratch);

    String describe();

    /** One thread's working arrays, grown on demand. */
    final class Scratch {
        byte[] row = new byte[0];
        /** The unpacked segment of each row: small signed integers. */
        final short[] values = new short[ROWS * SEGMENT];
        /** The Vector API kernels' segment of each row, dequantised. */
        final float[] floats = new float[ROWS * SEGMENT];
        /** Per row: the scale of each 32-value block (Q8_0, Q4_0, Q5_0). */
        final float[] blockScales = new float[ROWS * SEGMENT / 32];
        /** Per row: the integer scale of each pair of values (K-quants' sub-block scales). */
        final int[] pairScales = new int[ROWS * SEGMENT / 2];
        /** Per row: the integer mins of the eight sub-blocks (Q4_K, Q5_K). */
        final int[] mins = new int[ROWS * 8];
        /** Per row: the super-block's scale and scale of mins. */
        final float[] d = new float[ROWS];
        final float[] dmin = new float[ROWS];
        float[] sums = new float[0];
        float[] lanes = new float[0];

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

        float[] lanes(int n) {
            if (lanes.length < n) {
                lanes = new float[n];
            }
            java.util.Arrays.fill(lanes, 0, n, 0f);
            return lanes;
        }
    }
}
