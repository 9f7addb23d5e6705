package dev.weft.model.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GGUF file (versions 2 and 3), memory-mapped: its metadata and its tensor table, validated, and
 * each tensor's bytes as its own read-only mapping (so files over 2 GB need no single mapping of
 * that size). The layout is ggml's gguf.cpp: magic, version, tensor count, metadata count,
 * key-values, tensor infos, padding to {@code general.alignment}, tensor data.
 */
public final class GgufFile {

    private final Path path;
    private final int version;
    private final Map<String, Object> metadata;
    private final Map<String, Tensor> tensors;
    private final long size;

    private GgufFile(Path path, int version, Map<String, Object> metadata, Map<String, Tensor> tensors, long size) {
        this.path = path;
        this.version = version;
        this.metadata = Collections.unmodifiableMap(metadata);
        this.tensors = Collections.unmodifiableMap(tensors);
        this.size = size;
    }

    public static GgufFile open(Path path) throws GgufException {
        String name = path.toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (Files.isDirectory(path)) {
                throw new GgufException(name + ": is a directory, not a GGUF file");
            }
            MappedByteBuffer head = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE));
            HeaderCursor in = new HeaderCursor(head, name);
            GgufPrelude prelude = GgufPrelude.read(in, size, name);
            int version = prelude.version();
            long tensorCount = prelude.tensorCount();
            Map<String, Object> metadata = prelude.metadata();
            long alignment = 32;
            Object alignValue = metadata.get("general.alignment");
            if (alignValue != null) {
                alignment = alignValue instanceof Long l ? l : 0;
                if (alignment <= 0 || Long.bitCount(alignment) != 1 || alignment > 1 << 20) {
                    throw new GgufException(name + ": general.alignment " + alignValue + " is not a power of two");
                }
            }
            Map<String, TensorInfo> infos = new LinkedHashMap<>();
            for (long i = 0; i < tensorCount; i++) {
                TensorInfo info = TensorInfo.read(in, name);
                if (infos.put(info.name(), info) != null) {
                    throw new GgufException(name + ": tensor " + info.name() + " appears twice");
                }
            }
            long dataStart = (in.position() + alignment - 1) / alignment * alignment;
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (TensorInfo info : infos.values()) {
                tensors.put(info.name(), map(channel, info, dataStart, alignment, size, name));
            }
            return new GgufFile(path, version, metadata, tensors, size);
        } catch (NoSuchFileException e) {
            throw new GgufException(name + ": no such file");
        } catch (IOException e) {
            throw new GgufException(name + ": cannot read: " + e.getMessage());
        }
    }

    private static Tensor map(FileChannel channel, TensorInfo info, long dataStart, long alignment, long fileSize,
                              String file) throws IOException, GgufException {
        if (info.offset() % alignment != 0) {
            throw new GgufException(file + ": tensor " + info.name() + " starts at offset " + info.offset()
                    + ", not a multiple of the alignment " + alignment);
        }
        long start = dataStart + info.offset();
        long bytes = info.type().bytesFor(info.elements());
        if (info.offset() < 0 || start < 0 || start > fileSize || bytes > fileSize - start) {
            throw new GgufException(file + ": truncated: tensor " + info.name() + " needs bytes " + start + ".."
                    + (start + bytes) + " but the file has " + fileSize);
        }
        if (bytes > Integer.MAX_VALUE) {
            throw new GgufException(file + ": tensor " + info.name() + " is " + bytes
                    + " bytes; tensors over 2 GiB are not supported yet");
        }
        ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, start, bytes).order(ByteOrder.LITTLE_ENDIAN);
        return new Tensor(info.name(), info.type(), info.dims(), data);
    }

    public Path path() {
        return path;
    }

    public int version() {
        return version;
    }

    public long size() {
        return size;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    public Map<String, Tensor> tensors() {
        return tensors;
    }

    public Tensor tensor(String name) throws GgufException {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new GgufException(path + ": tensor " + name + " is missing");
        }
        return t;
    }

    public Tensor optionalTensor(String name) {
        return tensors.get(name);
    }

    public boolean has(String key) {
        return metadata.containsKey(key);
    }

    public String string(String key) throws GgufException {
        return typed(key, String.class, "a string");
    }

    public String string(String key, String fallback) throws GgufException {
        return has(key) ? string(key) : fallback;
    }

    public long integer(String key) throws GgufException {
        return typed(key, Long.class, "an integer");
    }

    public long integer(String key, long fallback) throws GgufException {
        return has(key) ? integer(key) : fallback;
    }

    public double number(String key, double fallback) throws GgufException {
        if (!has(key)) {
            return fallback;
        }
        Object v = metadata.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new GgufException(path + ": metadata " + key + " is " + MetadataValue.describe(v) + ", not a number");
    }

    public boolean bool(String key, boolean fallback) throws GgufException {
        return has(key) ? typed(key, Boolean.class, "a boolean") : fallback;
    }

    public String[] strings(String key) throws GgufException {
        return typed(key, String[].class, "an array of strings");
    }

    public float[] floats(String key) throws GgufException {
        return typed(key, float[].class, "an array of 32-bit floats");
    }

    /** An integer array of any width, as longs. */
    public long[] integers(String key) throws GgufException {
        return typed(key, long[].class, "an array of integers");
    }

    private <T> T typed(String key, Class<T> type, String expected) throws GgufException {
        Object v = metadata.get(key);
        if (v == null) {
            throw new GgufException(path + ": metadata " + key + " is missing");
        }
        if (!type.isInstance(v)) {
            throw new GgufException(path + ": metadata " + key + " is " + MetadataValue.describe(v) + ", not " + expected);
        }
        return type.cast(v);
    }
}
