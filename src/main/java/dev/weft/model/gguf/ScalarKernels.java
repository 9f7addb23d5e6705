package dev.weft.model.gguf;

/** Plain Java loops; four partial sums so the additions do not wait on one another. */
final class ScalarKernels implements FloatKernels {
    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpy(float s, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += s * x[xOff + i];
        }
    }

    @Override
    public void scores(float[] q, int qOff, float[][] rows, int count, int rowOff, int n, float scale, float[] out) {
        for (int t = 0; t < count; t++) {
            out[t] = dot(q, qOff, rows[t], rowOff, n) * scale;
        }
    }

    @Override
    public void weightedSum(float[] weights, float[][] rows, int count, int rowOff, float[] out, int outOff, int n) {
        java.util.Arrays.fill(out, outOff, outOff + n, 0f);
        for (int t = 0; t < count; t++) {
            axpy(weights[t], rows[t], rowOff, out, outOff, n);
        }
    }

    @Override
    public QuantDot quant() {
        return new ScalarQuantDot();
    }

    @Override
    public String describe() {
        return "scalar";
    }
}
