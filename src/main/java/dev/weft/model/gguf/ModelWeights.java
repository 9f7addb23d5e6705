package dev.weft.model.gguf;

import java.util.ArrayList;
import java.util.List;

/**
 * The tensors of a llama-family model, by llama.cpp's GGUF names, with every shape checked
 * against the configuration before the first multiplication.
 */
record ModelWeights(Tensor tokenEmbedding, float[] outputNorm, Tensor output, float[] ropeFactors,
                    List<Layer> layers) {

    record Layer(float[] attnNorm, Tensor wq, Tensor wk, Tensor wv, Tensor wo, float[] bq, float[] bk, float[] bv,
                 float[] qNorm, float[] kNorm, float[] ffnNorm, Tensor gate, Tensor up, Tensor down) {}

    boolean tiedOutput() {
        return output == tokenEmbedding;
    }

    static ModelWeights read(GgufFile file, ModelConfig c, int vocabulary) throws GgufException {
        Tensor embedding = matrix(file, "token_embd.weight", c.dim(), vocabulary);
        float[] outputNorm = vector(file, "output_norm.weight", c.dim());
        Tensor output = file.optionalTensor("output.weight") == null ? embedding
                : matrix(file, "output.weight", c.dim(), vocabulary);
        float[] ropeFactors = file.optionalTensor("rope_freqs.weight") == null ? null
                : vector(file, "rope_freqs.weight", c.ropeDims() / 2);
        List<Layer> layers = new ArrayList<>(c.layers());
        int q = c.heads() * c.headDim();
        int kv = c.kvHeads() * c.headDim();
        int vv = c.kvHeads() * c.valueDim();
        for (int i = 0; i < c.layers(); i++) {
            String b = "blk." + i + ".";
            Architecture a = c.architecture();
            layers.add(new Layer(
                    vector(file, b + "attn_norm.weight", c.dim()),
                    matrix(file, b + "attn_q.weight", c.dim(), q),
                    matrix(file, b + "attn_k.weight", c.dim(), kv),
                    matrix(file, b + "attn_v.weight", c.dim(), vv),
                    matrix(file, b + "attn_output.weight", c.heads() * c.valueDim(), c.dim()),
                    a.qkvBias ? vector(file, b + "attn_q.bias", q) : optionalVector(file, b + "attn_q.bias", q),
                    a.qkvBias ? vector(file, b + "attn_k.bias", kv) : optionalVector(file, b + "attn_k.bias", kv),
                    a.qkvBias ? vector(file, b + "attn_v.bias", vv) : optionalVector(file, b + "attn_v.bias", vv),
                    a.qkNorm ? vector(file, b + "attn_q_norm.weight", c.headDim()) : null,
                    a.qkNorm ? vector(file, b + "attn_k_norm.weight", c.headDim()) : null,
                    vector(file, b + "ffn_norm.weight", c.dim()),
                    matrix(file, b + "ffn_gate.weight", c.dim(), c.ffn()),
                    matrix(file, b + "ffn_up.weight", c.dim(), c.ffn()),
                    matrix(file, b + "ffn_down.weight", c.ffn(), c.dim())));
        }
        return new ModelWeights(embedding, outputNorm, output, ropeFactors, layers);
    }

    private static Tensor matrix(GgufFile file, String name, int cols, int rows) throws GgufException {
        Tensor t = file.tensor(name);
        if (t.dims().length != 2 || t.cols() != cols || t.rows() != rows) {
            throw new GgufException(file.path() + ": tensor " + name + " has shape " + t.shape() + ", expected ["
                    + cols + ", " + rows + "]");
        }
        return t;
    }

    private static float[] vector(GgufFile file, String name, int length) throws GgufException {
        Tensor t = file.tensor(name);
        if (t.dims().length != 1 || t.cols() != length) {
            throw new GgufException(file.path() + ": tensor " + name + " has shape " + t.shape() + ", expected ["
                    + length + "]");
        }
        return t.toFloats();
    }

    private static float[] optionalVector(GgufFile file, String name, int length) throws GgufException {
        return file.optionalTensor(name) == null ? null : vector(file, name, length);
    }
}
