package dev.weft.model.gguf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes GGUF version 3 files for tests and benchmarks, following the layout of ggml's gguf.cpp
 * (and the spec in ggml's docs/gguf.md): header, key-values, tensor infos, data aligned to 32.
 * Tensor data is produced lazily per tensor so large synthetic files stream to disk.
 */
public final class GgufWriter {
    public interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Pending(String name, GgmlType type, long[] dims, long size, Bytes data) {}

    private final Map<String, byte[]> metadata = new LinkedHashMap<>();
    private final List<Pending> tensors = new ArrayList<>();
    private int version = 3;

    public GgufWriter version(int v) {
        this.version = v;
        return this;
    }

    public GgufWriter put(String key, String value) {
        return raw(key, 8, string(value));
    }

    public GgufWriter putU32(String key, long value) {
        return raw(key, 4, le(4).putInt((int) value).array());
    }

    public GgufWriter putI32(String key, int value) {
        return raw(key, 5, le(4).putInt(value).array());
    }

    public GgufWriter putF32(String key, float value) {
        return raw(key, 6, le(4).putFloat(value).array());
    }

    public GgufWriter putBool(String key, boolean value) {
        return raw(key, 7, new byte[] {(byte) (value ? 1 : 0)});
    }

    public GgufWriter putStrings(String key, String[] values) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(le(12).putInt(8).putLong(values.length).array());
        for (String v : values) {
            parts.add(string(v));
        }
        return raw(key, 9, concat(parts));
    }

    public GgufWriter putFloats(String key, float[] values) {
        ByteBuffer b = le(12 + 4L * values.length).putInt(6).putLong(values.length);
        for (float v : values) {
            b.putFloat(v);
        }
        return raw(key, 9, b.array());
    }

    public GgufWriter putInts(String key, int[] values) {
        ByteBuffer b = le(12 + 4L * values.length).putInt(5).putLong(values.length);
        for (int v : values) {
            b.putInt(v);
        }
        return raw(key, 9, b.array());
    }

    /** A key with a raw type id and value bytes (for hostile-file tests). */
    public GgufWriter raw(String key, int type, byte[] value) {
        metadata.remove(key);
        metadata.put(key, concat(List.of(string(key), le(4).putInt(type).array(), value)));
        return this;
    }

    public GgufWriter tensor(String name, GgmlType type, long[] dims, byte[] data) {
        return tensor(name, type, dims, data.length, out -> out.write(data));
    }

    public GgufWriter tensor(String name, GgmlType type, long[] dims, long size, Bytes data) {
        tensors.add(new Pending(name, type, dims, size, data));
        return this;
    }

    public Path write(Path path) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20)) {
            long written = 0;
            ByteBuffer head = le(24).putInt(0x46554747).putInt(version).putLong(tensors.size()).putLong(metadata.size());
            out.write(head.array());
            written += 24;
            for (byte[] kv : metadata.values()) {
                out.write(kv);
                written += kv.length;
            }
            long offset = 0;
            for (Pending t : tensors) {
                byte[] name = string(t.name);
                ByteBuffer info = le(4 + 8L * t.dims.length + 4 + 8).putInt(t.dims.length);
                for (long d : t.dims) {
                    info.putLong(d);
                }
                info.putInt(t.type.id()).putLong(offset);
                out.write(name);
                out.write(info.array());
                written += name.length + info.capacity();
                offset += align(t.size);
            }
            written = pad(out, written);
            for (Pending t : tensors) {
                t.data.writeTo(out);
                written = pad(out, written + t.size);
            }
        }
        return path;
    }

    private static long pad(OutputStream out, long written) throws IOException {
        long aligned = align(written);
        out.write(new byte[(int) (aligned - written)]);
        return aligned;
    }

    private static long align(long n) {
        return (n + 31) / 32 * 32;
    }


    static byte[] string(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return le(8 + bytes.length).putLong(bytes.length).put(bytes).array();
    }

    static ByteBuffer le(long size) {
        return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] concat(List<byte[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        ByteBuffer b = ByteBuffer.allocate(n);
        parts.forEach(b::put);
        return b.array();
    }
}
