package dev.weft.model.gguf;

import java.util.Arrays;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The forward pass through the tree-shaped cache: a context's cached prefix is taken from the
 * {@link KvTree} and only the positions after it are computed; what was computed is stored for
 * the next request that shares it. Siblings grow as one batch ({@link #step}).
 */
final class CachedForward {
    /** The budget when neither {@code --kv-cache-mb} nor {@code WEFT_KV_CACHE_MB} sets one: a quarter of the heap. */
    static final double HEAP_SHARE = 0.25;

    /** A context's rows and the final hidden state of each of its positions. */
    record Prefilled(KvCache cache, float[][] hidden) {}

    private final Transformer transformer;
    private final KvTree tree;

    CachedForward(Transformer transformer, long budgetBytes) {
        this.transformer = transformer;
        this.tree = new KvTree(transformer.config(), budgetBytes);
    }

    /** The budget from {@code WEFT_KV_CACHE_MB} (megabytes, 0 turns the cache off), else a share of the heap. */
    static long defaultBudget(Map<String, String> env) {
        String mb = env.get("WEFT_KV_CACHE_MB");
        if (mb != null && mb.strip().matches("\\d{1,9}")) {
            return Long.parseLong(mb.strip()) << 20;
        }
        return (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE);
    }

    KvTree tree() {
        return tree;
    }

    /** The rows and hidden states of positions [0, tokens.length), or null when cancelled. */
    Prefilled prefill(int[] tokens, BooleanSupplier cancelled) {
        return prefill(tokens, tree.lookup(tokens, tokens.length), cancelled);
    }

    /** {@link #prefill} from a prefix already looked up. */
    Prefilled prefill(int[] tokens, KvTree.Prefix prefix, BooleanSupplier cancelled) {
        KvCache cache = prefix.cache();
        float[][] hidden = Arrays.copyOf(prefix.hidden(), tokens.length);
        int matched = prefix.matched();
        if (matched < tokens.length) {
            float[][] computed = transformer.forward(Arrays.copyOfRange(tokens, matched, tokens.length), matched,
                    cache, cancelled);
            if (computed == null) {
                return null;
            }
            tree.computed(computed.length);
            System.arraycopy(computed, 0, hidden, matched, computed.length);
            tree.insert(tokens, tokens.length, cache, hidden);
        }
        return new Prefilled(cache, hidden);
    }

    /** One token for each growing sequence, in one pass over the weights. */
    float[][] step(int[] tokens, int[] positions, KvCache[] caches) {
        float[][] hidden = transformer.forwardEach(tokens, positions, caches);
        tree.computed(tokens.length);
        return hidden;
    }

    /** Stores a grown sequence's positions for later requests. */
    void remember(int[] tokens, KvCache cache, float[][] hidden) {
        tree.insert(tokens, tokens.length, cache, hidden);
    }
}
