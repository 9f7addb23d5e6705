package dev.weft.model.gguf;

import java.nio.ByteBuffer;

/**
 * One tensor of a GGUF file over its mapped bytes. ggml's shape order: {@code dims[0]} is the
 * length of a row (the innermost dimension); a weight matrix of a linear layer has one row per
 * output. Reads are bounds-checked by the buffer, which covers exactly the tensor's bytes.
 */
public final class Tensor {
    private final String name;
    private final GgmlType type;
    private final long[] dims;
    private final ByteBuffer data;
    private final int cols;
    private final int rows;
    private final int rowBytes;

    Tensor(String name, GgmlType type, long[] dims, ByteBuffer data) {
        this.name = name;
        this.type = type;
        this.dims = dims.clone();
        this.data = data;
        long rowCount = 1;
        for (int i = 1; i < dims.length; i++) {
            rowCount *= dims[i];
        }
        this.cols = (int) Math.min(dims[0], Integer.MAX_VALUE);
        this.rows = (int) Math.min(rowCount, Integer.MAX_VALUE);
        this.rowBytes = (int) type.bytesFor(cols);
    }

    public String name() {
        return name;
    }

    public GgmlType type() {
        return type;
    }

    public long[] dims() {
        return dims.clone();
    }

    /** Values per row (ggml's ne[0]). */
    public int cols() {
        return cols;
    }

    public int rows() {
        return rows;
    }

    public long bytes() {
        return data.capacity();
    }

    ByteBuffer data() {
        return data;
    }

    int rowOffset(int row) {
        return row * rowBytes;
    }

    /** Dequantises row {@code row} into {@code out[0..cols)}. */
    public void row(int row, float[] out) {
        Dequantize.row(type, data, row * rowBytes, out, 0, cols);
    }

    /** Every value, row after row: only for small tensors (norm weights, biases). */
    public float[] toFloats() {
        float[] all = new float[Math.multiplyExact(rows, cols)];
        Dequantize.row(type, data, 0, all, 0, all.length);
        return all;
    }

    /** A readable shape, innermost dimension first as ggml prints it: [576, 49152]. */
    public String shape() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return s.append(']').toString();
    }
}
