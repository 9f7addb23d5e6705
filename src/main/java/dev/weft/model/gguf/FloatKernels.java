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

    String describe();

    /**
     * The dot product of a Q8_0 row ({@code n} values from byte {@code at}) with {@code x}, without
     * dequantising it first: per block, the scale times the sum of its 32 signed bytes times x.
     */
    default float dotQ8_0(java.nio.ByteBuffer row, int at, float[] x, int n) {
        float sum = 0;
        for (int block = 0; block < n / 32; block++) {
            int b = at + block * 34;
            float d = Half.toFloat(row.getShort(b));
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int xo = block * 32;
            for (int i = 0; i < 32; i += 4) {
                s0 += row.get(b + 2 + i) * x[xo + i];
                s1 += row.get(b + 3 + i) * x[xo + i + 1];
                s2 += row.get(b + 4 + i) * x[xo + i + 2];
                s3 += row.get(b + 5 + i) * x[xo + i + 3];
            }
            sum += d * ((s0 + s1) + (s2 + s3));
        }
        return sum;
    }

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
