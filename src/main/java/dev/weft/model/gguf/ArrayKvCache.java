package dev.weft.model.gguf;

import java.util.Arrays;

/** A {@link KvCache} as arrays of rows per layer; rows arrive as positions are computed. */
final class ArrayKvCache implements KvCache {
    private final int layers;
    private float[][][] keys;
    private float[][][] values;
    private int length;

    ArrayKvCache(int layers) {
        this(layers, new float[layers][16][], new float[layers][16][], 0);
    }

    private ArrayKvCache(int layers, float[][][] keys, float[][][] values, int length) {
        this.layers = layers;
        this.keys = keys;
        this.values = values;
        this.length = length;
    }

    @Override
    public void put(int layer, int position, float[] key, float[] value) {
        if (position >= keys[layer].length) {
            int size = Math.max(position + 1, keys[layer].length * 2);
            for (int l = 0; l < layers; l++) {
                keys[l] = Arrays.copyOf(keys[l], size);
                values[l] = Arrays.copyOf(values[l], size);
            }
        }
        keys[layer][position] = key;
        values[layer][position] = value;
        if (layer == layers - 1) {
            length = Math.max(length, position + 1);
        }
    }

    @Override
    public float[] key(int layer, int position) {
        return keys[layer][position];
    }

    @Override
    public float[] value(int layer, int position) {
        return values[layer][position];
    }

    @Override
    public float[][] keyRows(int layer, int count) {
        return keys[layer];
    }

    @Override
    public float[][] valueRows(int layer, int count) {
        return values[layer];
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public KvCache fork(int positions) {
        int keep = Math.min(positions, length);
        float[][][] k = new float[layers][][];
        float[][][] v = new float[layers][][];
        for (int l = 0; l < layers; l++) {
            k[l] = Arrays.copyOf(keys[l], Math.max(16, keep * 2));
            v[l] = Arrays.copyOf(values[l], Math.max(16, keep * 2));
            Arrays.fill(k[l], keep, k[l].length, null);
            Arrays.fill(v[l], keep, v[l].length, null);
        }
        return new ArrayKvCache(layers, k, v, keep);
    }
}
