package dev.weft.model.gguf;

/**
 * An independent, deliberately plain forward pass in double precision, written from the
 * architectures' definitions (Llama: RMSNorm, rotary embedding on adjacent pairs as GGUF stores
 * q/k, grouped-query attention, SwiGLU; Qwen2: q/k/v biases and rotation of half-heads; Qwen3:
 * RMSNorm of each q/k head). No KV cache, no batching: every position recomputed from scratch.
 * Reads metadata and tensors itself; shares only the file reader and dequantisation with weft.
 */
final class ReferenceForward {
    private final GgufFile f;
    private final String arch;
    private final int dim, layers, heads, kvHeads, headDim, ffn, vocab;
    private final double eps, base;
    private final float[] factors;

    ReferenceForward(GgufFile file) throws GgufException {
        this.f = file;
        this.arch = file.string("general.architecture");
        this.dim = (int) file.integer(arch + ".embedding_length");
        this.layers = (int) file.integer(arch + ".block_count");
        this.heads = (int) file.integer(arch + ".attention.head_count");
        this.kvHeads = (int) file.integer(arch + ".attention.head_count_kv");
        this.headDim = (int) file.integer(arch + ".attention.key_length", dim / heads);
        this.ffn = (int) file.integer(arch + ".feed_forward_length");
        this.eps = file.number(arch + ".attention.layer_norm_rms_epsilon", 1e-5);
        this.base = file.number(arch + ".rope.freq_base", 10000);
        this.vocab = file.tensor("token_embd.weight").rows();
        Tensor rf = file.optionalTensor("rope_freqs.weight");
        this.factors = rf == null ? null : rf.toFloats();
    }

    /** Logits after each token of {@code tokens}: [position][vocab]. */
    double[][] logits(int[] tokens) throws GgufException {
        int n = tokens.length;
        double[][] x = new double[n][];
        float[][] embd = matrix("token_embd.weight");
        for (int t = 0; t < n; t++) {
            x[t] = toDouble(embd[tokens[t]]);
        }
        for (int l = 0; l < layers; l++) {
            String b = "blk." + l + ".";
            double[][] q = new double[n][], k = new double[n][], v = new double[n][];
            for (int t = 0; t < n; t++) {
                double[] h = norm(x[t], vec(b + "attn_norm.weight"));
                q[t] = add(mul(b + "attn_q.weight", h), vecOrNull(b + "attn_q.bias"));
                k[t] = add(mul(b + "attn_k.weight", h), vecOrNull(b + "attn_k.bias"));
                v[t] = add(mul(b + "attn_v.weight", h), vecOrNull(b + "attn_v.bias"));
                if (arch.equals("qwen3")) {
                    headNorm(q[t], vec(b + "attn_q_norm.weight"));
                    headNorm(k[t], vec(b + "attn_k_norm.weight"));
                }
                rotate(q[t], t);
                rotate(k[t], t);
            }
            for (int t = 0; t < n; t++) {
                double[] out = new double[heads * headDim];
                for (int h = 0; h < heads; h++) {
                    int g = h / (heads / kvHeads);
                    double[] w = new double[t + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int s = 0; s <= t; s++) {
                        double dot = 0;
                        for (int i = 0; i < headDim; i++) {
                            dot += q[t][h * headDim + i] * k[s][g * headDim + i];
                        }
                        w[s] = dot / Math.sqrt(headDim);
                        max = Math.max(max, w[s]);
                    }
                    double sum = 0;
                    for (int s = 0; s <= t; s++) {
                        w[s] = Math.exp(w[s] - max);
                        sum += w[s];
                    }
                    for (int s = 0; s <= t; s++) {
                        for (int i = 0; i < headDim; i++) {
                            out[h * headDim + i] += w[s] / sum * v[s][g * headDim + i];
                        }
                    }
                }
                x[t] = add(x[t], mul(b + "attn_output.weight", out));
                double[] h = norm(x[t], vec(b + "ffn_norm.weight"));
                double[] gate = mul(b + "ffn_gate.weight", h);
                double[] up = mul(b + "ffn_up.weight", h);
                for (int i = 0; i < ffn; i++) {
                    gate[i] = gate[i] / (1 + Math.exp(-gate[i])) * up[i];
                }
                x[t] = add(x[t], mul(b + "ffn_down.weight", gate));
            }
        }
        String output = f.optionalTensor("output.weight") != null ? "output.weight" : "token_embd.weight";
        double[][] logits = new double[n][];
        for (int t = 0; t < n; t++) {
            logits[t] = mul(output, norm(x[t], vec("output_norm.weight")));
        }
        return logits;
    }

    int vocabulary() {
        return vocab;
    }

    private void rotate(double[] v, int position) {
        boolean neox = arch.startsWith("qwen"); // llama and mistral files store q/k for adjacent pairs
        int half = headDim / 2;
        for (int h = 0; h < v.length / headDim; h++) {
            for (int i = 0; i < half; i++) {
                double theta = position * Math.pow(base, -2.0 * i / headDim) / (factors == null ? 1 : factors[i]);
                int a = h * headDim + (neox ? i : 2 * i);
                int b = h * headDim + (neox ? i + half : 2 * i + 1);
                double x0 = v[a], x1 = v[b];
                v[a] = x0 * Math.cos(theta) - x1 * Math.sin(theta);
                v[b] = x0 * Math.sin(theta) + x1 * Math.cos(theta);
            }
        }
    }

    private void headNorm(double[] v, float[] w) {
        for (int h = 0; h < v.length / headDim; h++) {
            double[] part = new double[headDim];
            System.arraycopy(v, h * headDim, part, 0, headDim);
            System.arraycopy(norm(part, w), 0, v, h * headDim, headDim);
        }
    }

    private double[] norm(double[] x, float[] w) {
        double ms = 0;
        for (double e : x) {
            ms += e * e;
        }
        double s = 1 / Math.sqrt(ms / x.length + eps);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * s * w[i];
        }
        return out;
    }

    private final java.util.Map<String, float[][]> matrices = new java.util.HashMap<>();

    private float[][] matrix(String name) throws GgufException {
        float[][] m = matrices.get(name);
        if (m == null) {
            Tensor t = f.tensor(name);
            m = new float[t.rows()][t.cols()];
            for (int r = 0; r < t.rows(); r++) {
                t.row(r, m[r]);
            }
            matrices.put(name, m);
        }
        return m;
    }

    private float[] vec(String name) throws GgufException {
        return f.tensor(name).toFloats();
    }

    private float[] vecOrNull(String name) {
        Tensor t = f.optionalTensor(name);
        return t == null ? null : t.toFloats();
    }

    /**
     * Matrix {@code name} times x. For the weight types ggml multiplies in integers (Q8_0, Q4_0,
     * Q5_0 with activations quantised to Q8_0 blocks; Q4_K, Q5_K, Q6_K with Q8_K), x is first
     * replaced by what its 8-bit quantisation stands for, from ggml's definitions
     * (quantize_row_q8_0_ref, quantize_row_q8_K_ref): weft does the same, so does llama.cpp.
     */
    private double[] mul(String name, double[] x) throws GgufException {
        GgmlType type = f.tensor(name).type();
        double[] v = switch (type) {
            case Q8_0, Q4_0, Q5_0 -> q8_0(x);
            case Q4_K, Q5_K, Q6_K -> q8_K(x);
            default -> x;
        };
        return mul(matrix(name), v);
    }

    private static double[] q8_0(double[] x) {
        double[] out = new double[x.length];
        for (int b = 0; b < x.length; b += 32) {
            float amax = 0;
            for (int i = b; i < b + 32; i++) {
                amax = Math.max(amax, Math.abs((float) x[i]));
            }
            float d = amax / 127;
            float id = d == 0 ? 0 : 1 / d;
            float stored = Half.toFloat(RandomTensors.toHalf(d));
            for (int i = b; i < b + 32; i++) {
                out[i] = Math.round(Math.abs((float) x[i] * id)) * Math.signum(x[i]) * stored;
            }
        }
        return out;
    }

    private static double[] q8_K(double[] x) {
        double[] out = new double[x.length];
        for (int b = 0; b < x.length; b += 256) {
            float max = 0;
            for (int i = b; i < b + 256; i++) {
                if (Math.abs((float) x[i]) > Math.abs(max)) {
                    max = (float) x[i];
                }
            }
            if (max == 0) {
                continue;
            }
            float iscale = -127f / max;
            for (int i = b; i < b + 256; i++) {
                out[i] = Math.min(127, Math.rint(iscale * (float) x[i])) * (1 / iscale);
            }
        }
        return out;
    }

    private static double[] mul(float[][] m, double[] x) {
        double[] out = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            double s = 0;
            for (int c = 0; c < x.length; c++) {
                s += m[r][c] * x[c];
            }
            out[r] = s;
        }
        return out;
    }

    private static double[] add(double[] a, double[] b) {
        if (b == null) {
            return a;
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    private static double[] add(double[] a, float[] b) {
        if (b == null) {
            return a;
        }
        double[] out = a.clone();
        for (int i = 0; i < a.length; i++) {
            out[i] += b[i];
        }
        return out;
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
