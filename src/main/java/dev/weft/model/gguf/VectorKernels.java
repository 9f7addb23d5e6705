package dev.weft.model.gguf;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The kernels on the Vector API (loaded only by name, see {@link FloatKernels#best()}). */
final class VectorKernels implements FloatKernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        int step = F.length();
        int i = 0;
        for (; i + 2 * step <= n; i += 2 * step) {
            acc0 = FloatVector.fromArray(F, a, aOff + i).fma(FloatVector.fromArray(F, b, bOff + i), acc0);
            acc1 = FloatVector.fromArray(F, a, aOff + i + step).fma(FloatVector.fromArray(F, b, bOff + i + step), acc1);
        }
        for (; i + step <= n; i += step) {
            acc0 = FloatVector.fromArray(F, a, aOff + i).fma(FloatVector.fromArray(F, b, bOff + i), acc0);
        }
        float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    @Override
    public void axpy(float s, float[] x, int xOff, float[] y, int yOff, int n) {
        int step = F.length();
        int i = 0;
        for (; i + step <= n; i += step) {
            FloatVector.fromArray(F, x, xOff + i).fma(FloatVector.broadcast(F, s), FloatVector.fromArray(F, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += s * x[xOff + i];
        }
    }

    @Override
    public void scores(float[] q, int qOff, float[][] rows, int count, int rowOff, int n, float scale, float[] out) {
        int step = F.length();
        if (n != 4 * step) { // a head of 64 values on 16 lanes, of 32 on 8; others as dot does them
            for (int t = 0; t < count; t++) {
                out[t] = dot(q, qOff, rows[t], rowOff, n) * scale;
            }
            return;
        }
        // dot's operations in dot's order: chunks 0 and 2 into one sum, 1 and 3 into the other
        FloatVector q0 = FloatVector.fromArray(F, q, qOff);
        FloatVector q1 = FloatVector.fromArray(F, q, qOff + step);
        FloatVector q2 = FloatVector.fromArray(F, q, qOff + 2 * step);
        FloatVector q3 = FloatVector.fromArray(F, q, qOff + 3 * step);
        FloatVector zero = FloatVector.zero(F);
        for (int t = 0; t < count; t++) {
            float[] r = rows[t];
            FloatVector acc0 = q0.fma(FloatVector.fromArray(F, r, rowOff), zero);
            FloatVector acc1 = q1.fma(FloatVector.fromArray(F, r, rowOff + step), zero);
            acc0 = q2.fma(FloatVector.fromArray(F, r, rowOff + 2 * step), acc0);
            acc1 = q3.fma(FloatVector.fromArray(F, r, rowOff + 3 * step), acc1);
            out[t] = acc0.add(acc1).reduceLanes(VectorOperators.ADD) * scale;
        }
    }

    @Override
    public void weightedSum(float[] weights, float[][] rows, int count, int rowOff, float[] out, int outOff, int n) {
        int step = F.length();
        int i = 0;
        for (; i + 4 * step <= n; i += 4 * step) { // a head of 64 values: one pass with 16 lanes, two with 8
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = FloatVector.zero(F);
            FloatVector a2 = FloatVector.zero(F);
            FloatVector a3 = FloatVector.zero(F);
            int at = rowOff + i;
            for (int t = 0; t < count; t++) {
                float[] r = rows[t];
                FloatVector w = FloatVector.broadcast(F, weights[t]);
                a0 = FloatVector.fromArray(F, r, at).fma(w, a0);
                a1 = FloatVector.fromArray(F, r, at + step).fma(w, a1);
                a2 = FloatVector.fromArray(F, r, at + 2 * step).fma(w, a2);
                a3 = FloatVector.fromArray(F, r, at + 3 * step).fma(w, a3);
            }
            a0.intoArray(out, outOff + i);
            a1.intoArray(out, outOff + i + step);
            a2.intoArray(out, outOff + i + 2 * step);
            a3.intoArray(out, outOff + i + 3 * step);
        }
        for (; i + step <= n; i += step) {
            FloatVector a = FloatVector.zero(F);
            for (int t = 0; t < count; t++) {
                a = FloatVector.fromArray(F, rows[t], rowOff + i).fma(FloatVector.broadcast(F, weights[t]), a);
            }
            a.intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            float a = 0;
            for (int t = 0; t < count; t++) {
                a += weights[t] * rows[t][rowOff + i];
            }
            out[outOff + i] = a;
        }
    }

    private final QuantDot quant = VectorQuantDot.supported() ? new VectorQuantDot() : new ScalarQuantDot();

    @Override
    public QuantDot quant() {
        return quant;
    }

    @Override
    public String describe() {
        return "Vector API, " + F.vectorBitSize() + "-bit";
    }
}
