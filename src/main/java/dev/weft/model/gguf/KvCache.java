package dev.weft.model.gguf;

/**
 * The keys and values a forward pass has computed, by layer and position: positions in, key and
 * value rows out. A row, once stored, is never changed, so a fork can share it: n siblings share
 * their prompt's rows, and a tree-shaped cache can share any common prefix.
 */
public interface KvCache {
    /** Stores the key and value rows of one position of one layer (the arrays are kept, not copied). */
    void put(int layer, int position, float[] key, float[] value);

    float[] key(int layer, int position);

    float[] value(int layer, int position);

    /**
     * The key rows of one layer by position, at least {@code count} of them (the array may be the
     * cache's own: read it, never write it).
     */
    default float[][] keyRows(int layer, int count) {
        float[][] rows = new float[count][];
        for (int t = 0; t < count; t++) {
            rows[t] = key(layer, t);
        }
        return rows;
    }

    /** The value rows of one layer by position, as {@link #keyRows}. */
    default float[][] valueRows(int layer, int count) {
        float[][] rows = new float[count][];
        for (int t = 0; t < count; t++) {
            rows[t] = value(layer, t);
        }
        return rows;
    }

    /** How many positions from 0 are stored in every layer. */
    int length();

    /** A cache holding this one's positions [0, positions) and growing on its own from there. */
    KvCache fork(int positions);
}
