package dev.weft.model.gguf;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Products of a weight matrix with a batch of vectors, parallel over the matrix's rows. Each row
 * is dequantised once per batch and multiplied with every vector of the batch, which is why a
 * prompt is processed in batches: the weights are read once per batch instead of once per token.
 */
final class MatMul implements AutoCloseable {
    private final ForkJoinPool pool;
    private final int threads;
    private final FloatKernels kernels;
    private final ThreadLocal<float[]> rowScratch = ThreadLocal.withInitial(() -> new float[0]);

    MatMul(int threads, FloatKernels kernels) {
        this.threads = threads;
        this.kernels = kernels;
        this.pool = new ForkJoinPool(threads);
    }

    int threads() {
        return threads;
    }

    FloatKernels kernels() {
        return kernels;
    }

    /** {@code out[b][r] = w.row(r) · x[b]} for b in [0, count). */
    void apply(Tensor w, float[][] x, int count, float[][] out) {
        int rows = w.rows();
        int cols = w.cols();
        int chunk = Math.max(8, rows / (threads * 8));
        int chunks = (rows + chunk - 1) / chunk;
        if (w.type() == GgmlType.Q8_0) {
            // straight from the quantised bytes, at every batch size: a position's result must not
            // depend on how many positions were computed with it (KV cache exactness)
            run(chunks, c -> {
                int end = Math.min(rows, (c + 1) * chunk);
                for (int r = c * chunk; r < end; r++) {
                    for (int b = 0; b < count; b++) {
                        out[b][r] = kernels.dotQ8_0(w.data(), w.rowOffset(r), x[b], cols);
                    }
                }
            });
            return;
        }
        run(chunks, c -> {
            float[] row = scratch(cols);
            int end = Math.min(rows, (c + 1) * chunk);
            for (int r = c * chunk; r < end; r++) {
                w.row(r, row);
                for (int b = 0; b < count; b++) {
                    out[b][r] = kernels.dot(row, 0, x[b], 0, cols);
                }
            }
        });
    }

    /** Runs {@code body} for every index in [0, n) on the pool, returning when all are done. */
    void run(int n, java.util.function.IntConsumer body) {
        if (n == 1 || threads == 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).join();
    }

    private float[] scratch(int size) {
        float[] s = rowScratch.get();
        if (s.length < size) {
            s = new float[size];
            rowScratch.set(s);
        }
        return s;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
