package dev.weft.model.gguf;

/**
 * The inner loops of a forward pass over float arrays. Two implementations: plain Java, and one
 * on the incubating Vector API, used when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (see {@link #best()}).
 */
interface FloatKernels {
    /** The dot product of {@code a[0..n)} and {@code b[bOff..bOff+n)}. */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /** {@code y[yOff+i] += s * x[xOff+i]} for i in [0, n). */
    void axpy(float s, float[] x, int xOff, float[] y, int yOff, int n);

    /**
     * {@code out[t] = dot(q from qOff, rows[t] from rowOff, n) * scale} for t in [0, count):
     * attention's scores, each exactly as {@link #dot} gives it (the query is loaded once).
     */
    void scores(float[] q, int qOff, float[][] rows, int count, int rowOff, int n, float scale, float[] out);

    /**
     * {@code out[outOff+i] = Σ_t weights[t] * rows[t][rowOff+i]} for i in [0, n), t in [0, count):
     * attention's weighted sum of value rows, the sums kept in registers across the rows (in t
     * order for each i, whatever {@code count}).
     */
    void weightedSum(float[] weights, float[][] rows, int count, int rowOff, float[] out, int outOff, int n);

    String describe();

    /** The products of quantised rows with vectors, on the same machinery. */
    QuantDot quant();

    /**
     * The Vector API kernels when {@code jdk.incubator.vector} is in the boot layer, else the
     * scalar ones. Looked up by name so that the module is only resolved, and its warning only
     * printed, when a model file is actually used.
     */
    static FloatKernels best() {
        return Holder.BEST;
    }

    final class Holder {
        static final FloatKernels BEST = load();

        private Holder() {}

        private static FloatKernels load() {
            if (Boolean.getBoolean("weft.gguf.scalar")
                    || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return new ScalarKernels();
            }
            try {
                return (FloatKernels) Class.forName("dev.weft.model.gguf.VectorKernels")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarKernels();
            }
        }
    }
}
