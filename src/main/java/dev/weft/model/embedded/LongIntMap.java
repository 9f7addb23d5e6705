package dev.weft.model.embedded;

/**
 * A hash map from long keys to int values with open addressing and linear probing, so that
 * counting a few hundred thousand n-grams allocates a handful of arrays instead of millions
 * of boxed entries. Any long is a valid key. Not thread-safe.
 */
final class LongIntMap {
    /** Receives each entry of {@link #forEach}. */
    @FunctionalInterface
    interface Entry {
        void accept(long key, int value);
    }

    private static final float MAX_LOAD = 0.6f;

    private long[] keys;
    private int[] values;
    private boolean[] used;
    private int size;

    LongIntMap(int expectedSize) {
        allocate(Integer.highestOneBit(Math.max(16, (int) (expectedSize / MAX_LOAD)) * 2 - 1));
    }

    int size() {
        return size;
    }

    /** The value stored for {@code key}, or {@code absent}. */
    int get(long key, int absent) {
        int slot = slotOf(key);
        return used[slot] ? values[slot] : absent;
    }

    /** Adds {@code delta} to the value of {@code key} (a missing key counts as 0). */
    void add(long key, int delta) {
        int slot = slotOf(key);
        if (used[slot]) {
            values[slot] += delta;
        } else {
            insert(slot, key, delta);
        }
    }

    /** The value already stored for {@code key}; if there is none, stores and returns {@code value}. */
    int putIfAbsent(long key, int value) {
        int slot = slotOf(key);
        if (used[slot]) {
            return values[slot];
        }
        insert(slot, key, value);
        return value;
    }

    void forEach(Entry action) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (used[slot]) {
                action.accept(keys[slot], values[slot]);
            }
        }
    }

    private void insert(int slot, long key, int value) {
        keys[slot] = key;
        values[slot] = value;
        used[slot] = true;
        if (++size > MAX_LOAD * keys.length) {
            grow();
        }
    }

    private int slotOf(long key) {
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (used[slot] && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The 64-bit finaliser of MurmurHash3: packed ids differ mostly in their low bits. */
    private static int mix(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        allocate(oldKeys.length * 2);
        for (int slot = 0; slot < oldKeys.length; slot++) {
            if (oldUsed[slot]) {
                int target = slotOf(oldKeys[slot]);
                keys[target] = oldKeys[slot];
                values[target] = oldValues[slot];
                used[target] = true;
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
    }
}
