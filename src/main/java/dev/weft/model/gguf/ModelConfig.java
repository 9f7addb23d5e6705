package dev.weft.model.gguf;

/**
 * The hyperparameters of a llama-family model as its GGUF metadata states them
 * ({@code <arch>.embedding_length} and so on, the keys llama.cpp's loader reads).
 *
 * @param headDim       length of a query/key head ({@code attention.key_length}, else dim / heads)
 * @param valueDim      length of a value head ({@code attention.value_length}, else headDim)
 * @param ropeDims      how many leading dimensions of a head rotate ({@code rope.dimension_count})
 * @param ropeScale     linear rope scaling factor (positions are divided by it); 1 for none
 */
record ModelConfig(Architecture architecture, int dim, int layers, int heads, int kvHeads, int headDim, int valueDim,
                   int ffn, int contextLength, float rmsEps, float ropeBase, int ropeDims, float ropeScale) {

    static ModelConfig read(GgufFile file) throws GgufException {
        String where = file.path().toString();
        String name = file.string("general.architecture");
        Architecture arch = Architecture.of(name, where);
        String p = arch.key + ".";
        int dim = positive(file, p + "embedding_length");
        int layers = positive(file, p + "block_count");
        int heads = positive(file, p + "attention.head_count");
        int kvHeads = file.has(p + "attention.head_count_kv") ? positive(file, p + "attention.head_count_kv") : heads;
        if (heads % kvHeads != 0) {
            throw new GgufException(where + ": " + heads + " attention heads do not divide into " + kvHeads + " KV heads");
        }
        int headDim = file.has(p + "attention.key_length") ? positive(file, p + "attention.key_length") : dim / heads;
        if (!file.has(p + "attention.key_length") && dim % heads != 0) {
            throw new GgufException(where + ": embedding length " + dim + " is not a multiple of " + heads + " heads");
        }
        int valueDim = file.has(p + "attention.value_length") ? positive(file, p + "attention.value_length") : headDim;
        int ffn = positive(file, p + "feed_forward_length");
        int context = file.has(p + "context_length") ? positive(file, p + "context_length") : 2048;
        float eps = (float) file.number(p + "attention.layer_norm_rms_epsilon", 1e-5);
        float base = (float) file.number(p + "rope.freq_base", 10000.0);
        int ropeDims = file.has(p + "rope.dimension_count") ? positive(file, p + "rope.dimension_count") : headDim;
        if (ropeDims > headDim || ropeDims % 2 != 0) {
            throw new GgufException(where + ": rope.dimension_count " + ropeDims + " does not fit heads of " + headDim);
        }
        String scaling = file.string(p + "rope.scaling.type", "none");
        float scale = 1;
        switch (scaling) {
            case "none" -> { }
            case "linear" -> scale = (float) file.number(p + "rope.scaling.factor", 1.0);
            default -> throw new GgufException(where + ": rope scaling " + scaling
                    + " is not supported yet; supported: none, linear, and llama3 (rope_freqs.weight)");
        }
        if (!(scale > 0) || !(eps > 0) || !(base > 0)) {
            throw new GgufException(where + ": rope scale, freq base and rms epsilon must be positive");
        }
        return new ModelConfig(arch, dim, layers, heads, kvHeads, headDim, valueDim, ffn, context, eps, base,
                ropeDims, scale);
    }

    private static int positive(GgufFile file, String key) throws GgufException {
        long v = file.integer(key);
        if (v <= 0 || v > 1 << 24) {
            throw new GgufException(file.path() + ": metadata " + key + " is " + v + ", out of range");
        }
        return (int) v;
    }

    int kvDim() {
        return kvHeads * headDim;
    }

    int kvValueDim() {
        return kvHeads * valueDim;
    }
}
