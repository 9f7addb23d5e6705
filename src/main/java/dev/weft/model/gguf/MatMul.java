package dev.weft.model.gguf;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Products of a weight matrix with a batch of vectors, parallel over the matrix's rows (a
 * ForkJoin pool of {@code threads}). Each row is read once per batch and multiplied with every
 * vector of the batch, which is why a prompt, a multiverse level or siblings go through in
 * batches: the weights are read once per batch instead of once per token.
 */
final class MatMul implements AutoCloseable {
    private final ForkJoinPool pool;
    private final int threads;
    private final FloatKernels kernels;
    private final ThreadLocal<float[]> rowScratch = ThreadLocal.withInitial(() -> new float[0]);
    private final ThreadLocal<QuantDot.Scratch> scratch = ThreadLocal.withInitial(QuantDot.Scratch::new);

    MatMul(int threads, FloatKernels kernels) {
        this.threads = threads;
        this.kernels = kernels;
        this.pool = new ForkJoinPool(Math.max(1, threads - 1)); // the caller is the other thread
    }

    int threads() {
        return threads;
    }

    FloatKernels kernels() {
        return kernels;
    }

    /**
     * {@code out[b][r] = w.row(r) · x[b]} for b in [0, count): one pass over the weights for the
     * whole batch. A quantised row is multiplied from its blocks ({@link QuantDot}) with the vectors
     * quantised to 8 bits ({@link Q8Activations}), so a vector's result does not depend on
     * {@code count}; other types are dequantised a row at a time.
     */
    void apply(Tensor w, float[][] x, int count, float[][] out) {
        apply(w, x, count, out, null);
    }

    /**
     * {@link #apply} of several matrices to the same vectors ({@code out[i]} for {@code w[i]}; a
     * layer's query, key and value, or its gate and up projections): the vectors are quantised
     * once for all the matrices that take the same format. The results are {@link #apply}'s, since
     * a quantisation depends on the vector alone.
     */
    void apply(Tensor[] w, float[][] x, int count, float[][]... out) {
        Q8Activations[] quantised = new Q8Activations[Q8Activations.Format.values().length];
        for (int i = 0; i < w.length; i++) {
            Q8Activations a = null;
            if (QuantDot.handles(w[i].type())) {
                Q8Activations.Format format = Q8Activations.formatFor(w[i].type());
                a = quantised[format.ordinal()];
                if (a == null || a.cols != w[i].cols()) {
                    a = Q8Activations.of(format, x, count, w[i].cols());
                    quantised[format.ordinal()] = a;
                }
            }
            apply(w[i], x, count, out[i], a);
        }
    }

    /** {@link #apply}; {@code quantised}, when given, is {@code x} in the format of {@code w}'s type. */
    private void apply(Tensor w, float[][] x, int count, float[][] out, Q8Activations quantised) {
        int rows = w.rows();
        int cols = w.cols();
        int chunk = Math.max(8, rows / (threads * 8));
        int chunks = (rows + chunk - 1) / chunk;
        GgmlType type = w.type();
        if (QuantDot.handles(type)) {
            QuantDot quant = kernels.quant();
            // each vector quantised once for the whole product, as ggml does (and on its own: see Q8Activations)
            Q8Activations a = quantised != null ? quantised : Q8Activations.of(Q8Activations.formatFor(type), x, count, cols);
            int rowBytes = (int) type.bytesFor(cols);
            int groups = (rows + QuantDot.ROWS - 1) / QuantDot.ROWS;
            int perChunk = Math.max(2, groups / (threads * 8));
            run((groups + perChunk - 1) / perChunk, c -> {
                QuantDot.Scratch s = scratch.get();
                byte[] bytes = s.row(QuantDot.ROWS * rowBytes);
                int end = Math.min(rows, (c + 1) * perChunk * QuantDot.ROWS);
                for (int r = c * perChunk * QuantDot.ROWS; r < end; r += QuantDot.ROWS) {
                    int n = Math.min(QuantDot.ROWS, end - r);
                    w.data().get(w.rowOffset(r), bytes, 0, n * rowBytes);
                    quant.dot(type, bytes, n, cols, a, out, r, s);
                }
            });
            return;
        }
        run(chunks, c -> {
            float[] row = rowScratch(cols);
            int end = Math.min(rows, (c + 1) * chunk);
            for (int r = c * chunk; r < end; r++) {
                w.row(r, row);
                for (int b = 0; b < count; b++) {
                    out[b][r] = kernels.dot(row, 0, x[b], 0, cols);
                }
            }
        });
    }

    /**
     * Runs {@code body} for every index in [0, n), returning when all are done. The calling thread
     * takes indices too, from the same counter as the pool's threads: on a busy machine a helper
     * that is slow to wake leaves its share to the others instead of holding everyone up.
     */
    void run(int n, IntConsumer body) {
        if (n == 1 || threads == 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            for (int i; (i = next.getAndIncrement()) < n; ) {
                try {
                    body.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.incrementAndGet();
                }
            }
        };
        for (int h = Math.min(threads - 1, n - 1); h > 0; h--) {
            pool.execute(work);
        }
        work.run();
        for (int spins = 0; done.get() < n; spins++) {
            if (spins < 1000) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // a helper is finishing an index it took
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        } else if (t instanceof Error e) {
            throw e;
        }
    }

    private float[] rowScratch(int size) {
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
