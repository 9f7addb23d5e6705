package dev.weft.model.gguf;

import dev.weft.model.KvCacheStats;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Keys and values shared along the loom's paths: a prefix tree of cache blocks keyed by token
 * ids (as SGLang's RadixAttention keeps them). Every path through a prefix shares the prefix's
 * rows, so children of a node, a regeneration from token 200 of a 500-token path or the score of
 * an edit compute only the tokens after the change. Each position also keeps the final hidden
 * state, so a context that is wholly cached needs no forward pass at all before sampling.
 *
 * <p>Blocks hold at most {@link #BLOCK} positions. When the rows exceed the budget, whole blocks
 * are evicted, least recently used first and only blocks with no children (a path is cut from
 * its end). Rows are never changed once stored, so a cache handed out by {@link #lookup} stays
 * valid after its blocks are evicted. All methods are safe to call from several threads.
 */
final class KvTree {
    static final int BLOCK = 32;

    /**
     * The longest cached prefix of a context: a cache holding its positions [0, matched), which
     * the caller may extend, and the final hidden state of each of those positions.
     */
    record Prefix(KvCache cache, int matched, float[][] hidden) {}

    private final int layers;
    private final long bytesPerPosition;
    private long budget;
    private final Block root = new Block(null, new int[0], 0, 0);
    /** Every block but the root, least recently used first. */
    private final LinkedHashSet<Block> recency = new LinkedHashSet<>();
    private long positions;
    private long reused;
    private long computed;
    private long evicted;

    KvTree(ModelConfig config, long budgetBytes) {
        this.layers = config.layers();
        long floats = (long) config.layers() * (config.kvDim() + config.kvValueDim()) + config.dim();
        this.bytesPerPosition = floats * Float.BYTES + (2L * config.layers() + 1) * 16 + 64;
        this.budget = Math.max(0, budgetBytes);
    }

    synchronized void budget(long bytes) {
        this.budget = Math.max(0, bytes);
        evict();
    }

    long bytesPerPosition() {
        return bytesPerPosition;
    }

    /** The cached prefix of {@code tokens}, at most {@code limit} positions long. */
    synchronized Prefix lookup(int[] tokens, int limit) {
        ArrayKvCache cache = new ArrayKvCache(layers);
        float[][] hidden = new float[Math.min(limit, tokens.length)][];
        int pos = 0;
        Block block = root;
        while (pos < hidden.length) {
            Block child = block.children.get(tokens[pos]);
            if (child == null) {
                break;
            }
            touch(child);
            int k = common(child, tokens, pos, hidden.length);
            for (int i = 0; i < k; i++) {
                for (int l = 0; l < layers; l++) {
                    cache.put(l, pos + i, child.keys[l][i], child.values[l][i]);
                }
                hidden[pos + i] = child.hidden[i];
            }
            pos += k;
            if (k < child.tokens.length) {
                break;
            }
            block = child;
        }
        reused += pos;
        return new Prefix(cache, pos, hidden);
    }

    /**
     * Stores positions [0, count) of {@code tokens}: their rows from {@code cache} and hidden
     * states from {@code hidden} (positions already in the tree are kept as they are). Stops at
     * the first position without a hidden state.
     */
    synchronized void insert(int[] tokens, int count, KvCache cache, float[][] hidden) {
        int end = Math.min(Math.min(count, tokens.length), cache.length());
        for (int i = 0; i < end; i++) {
            if (i >= hidden.length || hidden[i] == null) {
                end = i;
                break;
            }
        }
        int pos = 0;
        Block block = root;
        while (pos < end) {
            Block child = block.children.get(tokens[pos]);
            if (child == null) {
                break;
            }
            touch(child);
            int k = common(child, tokens, pos, end);
            if (k < child.tokens.length) {
                if (pos + k == end) {
                    return; // the path ends inside a block: all of it is stored already
                }
                child = split(child, k);
            }
            pos += k;
            block = child;
        }
        while (pos < end) {
            int n = Math.min(BLOCK, end - pos);
            Block b = new Block(block, Arrays.copyOfRange(tokens, pos, pos + n), pos, layers);
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < layers; l++) {
                    b.keys[l][i] = cache.key(l, pos + i);
                    b.values[l][i] = cache.value(l, pos + i);
                }
                b.hidden[i] = hidden[pos + i];
            }
            block.children.put(b.tokens[0], b);
            touch(b);
            positions += n;
            pos += n;
            block = b;
        }
        evict();
    }

    /** Counts positions a forward pass computed (for the hit rate). */
    synchronized void computed(int n) {
        computed += n;
    }

    synchronized KvCacheStats stats() {
        return new KvCacheStats(positions, recency.size(), positions * bytesPerPosition, budget, reused, computed, evicted);
    }

    /** How many of {@code block}'s tokens match {@code tokens} from {@code pos}, below {@code end}. */
    private static int common(Block block, int[] tokens, int pos, int end) {
        int k = 0;
        while (k < block.tokens.length && pos + k < end && block.tokens[k] == tokens[pos + k]) {
            k++;
        }
        return k;
    }

    /** Cuts a block after its first {@code k} tokens; returns the first part (the second is its child). */
    private Block split(Block b, int k) {
        Block head = new Block(b.parent, Arrays.copyOf(b.tokens, k), b.start, layers);
        for (int l = 0; l < layers; l++) {
            head.keys[l] = Arrays.copyOf(b.keys[l], k);
            head.values[l] = Arrays.copyOfRange(b.values[l], 0, k);
            b.keys[l] = Arrays.copyOfRange(b.keys[l], k, b.tokens.length);
            b.values[l] = Arrays.copyOfRange(b.values[l], k, b.tokens.length);
        }
        head.hidden = Arrays.copyOf(b.hidden, k);
        b.hidden = Arrays.copyOfRange(b.hidden, k, b.tokens.length);
        b.tokens = Arrays.copyOfRange(b.tokens, k, b.tokens.length);
        b.start += k;
        b.parent.children.put(head.tokens[0], head);
        head.children.put(b.tokens[0], b);
        b.parent = head;
        touch(head);
        touch(b);
        return head;
    }

    private void touch(Block b) {
        recency.remove(b);
        recency.add(b);
    }

    private void evict() {
        while (positions * bytesPerPosition > budget) {
            Block victim = null;
            for (Iterator<Block> it = recency.iterator(); it.hasNext(); ) {
                Block b = it.next();
                if (b.children.isEmpty()) {
                    victim = b;
                    break;
                }
            }
            if (victim == null) {
                return;
            }
            recency.remove(victim);
            victim.parent.children.remove(victim.tokens[0]);
            positions -= victim.tokens.length;
            evicted++;
        }
    }

    /** A run of positions along one path, after its parent's. */
    private static final class Block {
        Block parent;
        int[] tokens;
        /** The position of the first token. */
        int start;
        float[][][] keys;
        float[][][] values;
        float[][] hidden;
        final Map<Integer, Block> children = new HashMap<>();

        Block(Block parent, int[] tokens, int start, int layers) {
            this.parent = parent;
            this.tokens = tokens;
            this.start = start;
            this.keys = new float[layers][tokens.length][];
            this.values = new float[layers][tokens.length][];
            this.hidden = new float[tokens.length][];
        }
    }
}
