package dev.weft.model.gguf;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The forward pass of a llama-family decoder: RMSNorm, attention with rotary positions and
 * grouped-query heads (optionally q/k/v biases and per-head q/k norms), SwiGLU feed-forward,
 * final norm and output projection. Tokens go through in batches: every matrix is read once per
 * batch. Stateless apart from the {@link KvCache} passed in; safe to use from one thread at a time.
 */
final class Transformer {
    static final int BATCH = 32;

    private final ModelConfig c;
    private final ModelWeights w;
    private final MatMul mm;
    private final FloatKernels k;
    /** Angle per position of each rotary pair: base^(-2i/ropeDims) / factor_i / linear scale. */
    private final double[] frequencies;

    Transformer(ModelConfig config, ModelWeights weights, MatMul matmul) {
        this.c = config;
        this.w = weights;
        this.mm = matmul;
        this.k = matmul.kernels();
        int pairs = config.ropeDims() / 2;
        this.frequencies = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            double f = Math.pow(config.ropeBase(), -2.0 * i / config.ropeDims()) / config.ropeScale();
            frequencies[i] = weights.ropeFactors() == null ? f : f / weights.ropeFactors()[i];
        }
    }

    ModelConfig config() {
        return c;
    }

    int vocabulary() {
        return w.output().rows();
    }

    /**
     * Runs {@code tokens} at positions {@code start, start+1, ...} (the cache must hold exactly the
     * positions before {@code start}) and returns the normalised final hidden state of each, or
     * null when {@code cancelled} said so between two batches.
     */
    float[][] forward(int[] tokens, int start, KvCache cache, BooleanSupplier cancelled) {
        float[][] hidden = new float[tokens.length][];
        for (int from = 0; from < tokens.length; from += BATCH) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            int n = Math.min(BATCH, tokens.length - from);
            int[] positions = new int[n];
            KvCache[] caches = new KvCache[n];
            for (int b = 0; b < n; b++) {
                positions[b] = start + from + b;
                caches[b] = cache;
            }
            float[][] out = batch(tokens, from, n, positions, caches);
            System.arraycopy(out, 0, hidden, from, n);
        }
        return hidden;
    }

    /**
     * One token for each of several sequences that grow side by side (siblings, a multiverse
     * level): token b goes at {@code positions[b]} of {@code caches[b]}, which must hold exactly
     * the positions before it. Every matrix is read once for all of them.
     */
    float[][] forwardEach(int[] tokens, int[] positions, KvCache[] caches) {
        float[][] hidden = new float[tokens.length][];
        for (int from = 0; from < tokens.length; from += BATCH) {
            int n = Math.min(BATCH, tokens.length - from);
            float[][] out = batch(tokens, from, n, Arrays.copyOfRange(positions, from, from + n),
                    Arrays.copyOfRange(caches, from, from + n));
            System.arraycopy(out, 0, hidden, from, n);
        }
        return hidden;
    }

    /** Logits over the vocabulary for each hidden state. */
    float[][] logits(float[][] hidden) {
        float[][] out = new float[hidden.length][vocabulary()];
        logits(hidden, out);
        return out;
    }

    /** {@link #logits(float[][])} into {@code out} (arrays of the vocabulary's size, reused from step to step). */
    void logits(float[][] hidden, float[][] out) {
        for (int from = 0; from < hidden.length; from += BATCH) {
            int n = Math.min(BATCH, hidden.length - from);
            float[][] in = new float[n][];
            float[][] o = new float[n][];
            System.arraycopy(hidden, from, in, 0, n);
            System.arraycopy(out, from, o, 0, n);
            mm.apply(w.output(), in, n, o);
        }
    }

    private float[][] batch(int[] tokens, int offset, int n, int[] positions, KvCache[] caches) {
        int dim = c.dim();
        float[][] x = new float[n][dim];
        for (int b = 0; b < n; b++) {
            w.tokenEmbedding().row(tokens[offset + b], x[b]);
        }
        float[][] cos = new float[n][];
        float[][] sin = new float[n][];
        for (int b = 0; b < n; b++) {
            cos[b] = new float[frequencies.length];
            sin[b] = new float[frequencies.length];
            for (int i = 0; i < frequencies.length; i++) {
                double theta = positions[b] * frequencies[i];
                cos[b][i] = (float) Math.cos(theta);
                sin[b][i] = (float) Math.sin(theta);
            }
        }
        int qDim = c.heads() * c.headDim();
        float[][] xb = new float[n][dim];
        float[][] q = new float[n][qDim];
        float[][] att = new float[n][c.heads() * c.valueDim()];
        float[][] proj = new float[n][dim];
        float[][] gate = new float[n][c.ffn()];
        float[][] up = new float[n][c.ffn()];
        for (int l = 0; l < c.layers(); l++) {
            ModelWeights.Layer layer = w.layers().get(l);
            for (int b = 0; b < n; b++) {
                rmsNorm(x[b], layer.attnNorm(), xb[b]);
            }
            float[][] key = new float[n][c.kvDim()];
            float[][] value = new float[n][c.kvValueDim()];
            mm.apply(new Tensor[] {layer.wq(), layer.wk(), layer.wv()}, xb, n, q, key, value); // xb quantised once
            for (int b = 0; b < n; b++) {
                addBias(q[b], layer.bq());
                addBias(key[b], layer.bk());
                addBias(value[b], layer.bv());
                if (layer.qNorm() != null) {
                    headNorm(q[b], c.heads(), layer.qNorm());
                    headNorm(key[b], c.kvHeads(), layer.kNorm());
                }
                rope(q[b], c.heads(), cos[b], sin[b]);
                rope(key[b], c.kvHeads(), cos[b], sin[b]);
                caches[b].put(l, positions[b], key[b], value[b]);
            }
            attention(l, q, att, n, positions, caches);
            mm.apply(layer.wo(), att, n, proj);
            for (int b = 0; b < n; b++) {
                k.axpy(1f, proj[b], 0, x[b], 0, dim);
                rmsNorm(x[b], layer.ffnNorm(), xb[b]);
            }
            mm.apply(new Tensor[] {layer.gate(), layer.up()}, xb, n, gate, up);
            for (int b = 0; b < n; b++) {
                float[] g = gate[b];
                float[] u = up[b];
                for (int i = 0; i < g.length; i++) {
                    g[i] = g[i] / (1f + (float) Math.exp(-g[i])) * u[i];
                }
            }
            mm.apply(layer.down(), gate, n, proj);
            for (int b = 0; b < n; b++) {
                k.axpy(1f, proj[b], 0, x[b], 0, dim);
            }
        }
        for (int b = 0; b < n; b++) {
            rmsNorm(x[b], w.outputNorm(), x[b]);
        }
        return x;
    }

    /**
     * Causal attention of each query of the batch over the cached positions up to its own: the
     * scores (the query loaded once) in a scratch array of the thread's, the weighted sum of the
     * values in registers; the same operations in the same order as a dot and an axpy a position.
     */
    private void attention(int layer, float[][] q, float[][] out, int n, int[] pos, KvCache[] caches) {
        int heads = c.heads();
        int group = heads / c.kvHeads();
        int hd = c.headDim();
        int vd = c.valueDim();
        float scale = (float) (1.0 / Math.sqrt(hd));
        mm.run(n * heads, task -> {
            int b = task / heads;
            int h = task % heads;
            int kvh = h / group;
            int positions = pos[b] + 1;
            float[][] keys = caches[b].keyRows(layer, positions);
            float[] scores = scores(positions);
            k.scores(q[b], h * hd, keys, positions, kvh * hd, hd, scale, scores);
            float max = Float.NEGATIVE_INFINITY;
            for (int t = 0; t < positions; t++) {
                max = Math.max(max, scores[t]);
            }
            float sum = 0;
            for (int t = 0; t < positions; t++) {
                scores[t] = (float) Math.exp(scores[t] - max);
                sum += scores[t];
            }
            for (int t = 0; t < positions; t++) {
                scores[t] /= sum;
            }
            k.weightedSum(scores, caches[b].valueRows(layer, positions), positions, kvh * vd, out[b], h * vd, vd);
        });
    }

    private final ThreadLocal<float[]> scores = ThreadLocal.withInitial(() -> new float[256]);

    private float[] scores(int positions) {
        float[] s = scores.get();
        if (s.length < positions) {
            s = new float[Math.max(positions, 2 * s.length)];
            scores.set(s);
        }
        return s;
    }

    /** x * weight / sqrt(mean(x²) + eps), the mean summed in double as ggml does. */
    private void rmsNorm(float[] x, float[] weight, float[] out) {
        double sum = 0;
        for (float v : x) {
            sum += v * v;
        }
        float scale = (float) (1.0 / Math.sqrt((float) (sum / x.length) + c.rmsEps()));
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * scale * weight[i];
        }
    }

    private void headNorm(float[] v, int heads, float[] weight) {
        int hd = c.headDim();
        for (int h = 0; h < heads; h++) {
            double sum = 0;
            for (int i = 0; i < hd; i++) {
                float e = v[h * hd + i];
                sum += e * e;
            }
            float scale = (float) (1.0 / Math.sqrt((float) (sum / hd) + c.rmsEps()));
            for (int i = 0; i < hd; i++) {
                v[h * hd + i] = v[h * hd + i] * scale * weight[i];
            }
        }
    }

    private static void addBias(float[] v, float[] bias) {
        if (bias != null) {
            for (int i = 0; i < v.length; i++) {
                v[i] += bias[i];
            }
        }
    }

    /** Rotates each head: adjacent pairs (llama) or the two halves of the rotated part (NeoX). */
    private void rope(float[] v, int heads, float[] cos, float[] sin) {
        int hd = c.headDim();
        int pairs = cos.length;
        boolean neox = c.architecture().neoxRope;
        for (int h = 0; h < heads; h++) {
            int base = h * hd;
            for (int i = 0; i < pairs; i++) {
                int a = neox ? base + i : base + 2 * i;
                int b = neox ? base + i + pairs : base + 2 * i + 1;
                float x0 = v[a];
                float x1 = v[b];
                v[a] = x0 * cos[i] - x1 * sin[i];
                v[b] = x0 * sin[i] + x1 * cos[i];
            }
        }
    }
}
