package dev.weft.model.gguf;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The header of a GGUF file only (metadata and tensor table, no tensor data), read without
 * refusing what weft cannot run: a listing of the models on a disk must describe a Q4_K_M
 * Gemma as well as a Q8_0 Llama, and say which of them weft can load and why not.
 */
public final class GgufHeader {
    private static final Set<String> TOKENIZERS = Set.of("gpt2", "llama");
    /** llama.cpp's {@code llama_ftype} names, by the value of {@code general.file_type}. */
    private static final Map<Integer, String> FILE_TYPES = fileTypes();

    private final Path path;
    private final long size;
    private final Map<String, Object> metadata;
    /** Tensor element counts by ggml type id. */
    private final Map<Integer, Long> elementsByType;

    private GgufHeader(Path path, long size, Map<String, Object> metadata, Map<Integer, Long> elementsByType) {
        this.path = path;
        this.size = size;
        this.metadata = Collections.unmodifiableMap(metadata);
        this.elementsByType = elementsByType;
    }

    /** True when the file starts with GGUF's magic (a cheap test before a full header read). */
    public static boolean looksLikeGguf(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining() && channel.read(b) > 0) {
                // read the four bytes
            }
            return !b.hasRemaining() && b.getInt(0) == GgufPrelude.MAGIC;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static GgufHeader read(Path path) throws GgufException {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new GgufException(name + ": is a directory, not a GGUF file");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            MappedByteBuffer head = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE));
            HeaderCursor in = new HeaderCursor(head, name);
            GgufPrelude prelude = GgufPrelude.read(in, size, name);
            long tensorCount = prelude.tensorCount();
            Map<String, Object> metadata = prelude.metadata();
            Map<Integer, Long> elements = new TreeMap<>();
            for (long i = 0; i < tensorCount; i++) {
                String tensor = in.string("tensor name");
                int dims = in.i32("dimensions of " + tensor);
                if (dims < 1 || dims > 4) {
                    throw in.error("tensor " + tensor + " has " + dims + " dimensions (1..4 allowed)");
                }
                long n = 1;
                for (int d = 0; d < dims; d++) {
                    long dim = in.i64("dimension of " + tensor);
                    if (dim <= 0 || dim > Long.MAX_VALUE / 256 / n) {
                        throw in.error("tensor " + tensor + " has an impossible dimension " + Long.toUnsignedString(dim));
                    }
                    n *= dim;
                }
                int type = in.i32("type of " + tensor);
                in.i64("offset of " + tensor);
                elements.merge(type, n, Long::sum);
            }
            return new GgufHeader(path, size, metadata, elements);
        } catch (NoSuchFileException e) {
            throw new GgufException(name + ": no such file");
        } catch (IOException e) {
            throw new GgufException(name + ": cannot read: " + e.getMessage());
        }
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    /** {@code general.architecture}, or "unknown". */
    public String architecture() {
        return metadata.get("general.architecture") instanceof String s ? s : "unknown";
    }

    /** {@code general.name}, or null. */
    public String name() {
        return metadata.get("general.name") instanceof String s && !s.isBlank() ? s : null;
    }

    public long parameters() {
        return elementsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The quantisation as llama.cpp names it ({@code general.file_type}, e.g. Q4_K_M), else the
     * tensor type holding most of the parameters.
     */
    public String quantisation() {
        if (metadata.get("general.file_type") instanceof Long t && FILE_TYPES.containsKey(t.intValue())) {
            return FILE_TYPES.get(t.intValue());
        }
        return elementsByType.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(e -> GgmlType.nameOfId(e.getKey()))
                .orElse("no tensors");
    }

    /** Why weft cannot run this file, or null when it can (architecture, tensor types, tokenizer). */
    public String unsupported() {
        List<String> reasons = new ArrayList<>();
        String arch = architecture();
        try {
            Architecture.of(arch, path.toString());
        } catch (GgufException e) {
            reasons.add("architecture " + arch);
        }
        List<String> types = new ArrayList<>();
        for (int id : elementsByType.keySet()) {
            if (GgmlType.byId(id) == null) {
                types.add(GgmlType.nameOfId(id));
            }
        }
        if (!types.isEmpty()) {
            reasons.add("tensor type " + String.join(", ", types));
        }
        Object tokenizer = metadata.get("tokenizer.ggml.model");
        if (!(tokenizer instanceof String t) || !TOKENIZERS.contains(t)) {
            reasons.add(tokenizer == null ? "no tokenizer" : "tokenizer " + tokenizer);
        }
        if (elementsByType.isEmpty()) {
            reasons.add("no tensors (a vocabulary or adapter file)");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s %s", path, architecture(), quantisation());
    }

    private static Map<Integer, String> fileTypes() {
        Map<Integer, String> m = new TreeMap<>();
        String[] names = {"F32", "F16", "Q4_0", "Q4_1", "Q4_1_SOME_F16", "Q4_2", "Q4_3", "Q8_0", "Q5_0", "Q5_1",
            "Q2_K", "Q3_K_S", "Q3_K_M", "Q3_K_L", "Q4_K_S", "Q4_K_M", "Q5_K_S", "Q5_K_M", "Q6_K", "IQ2_XXS",
            "IQ2_XS", "Q2_K_S", "IQ3_XS", "IQ3_XXS", "IQ1_S", "IQ4_NL", "IQ3_S", "IQ3_M", "IQ2_S", "IQ2_M",
            "IQ4_XS", "IQ1_M", "BF16"};
        for (int i = 0; i < names.length; i++) {
            m.put(i, names[i]);
        }
        m.put(36, "TQ1_0");
        m.put(37, "TQ2_0");
        return m;
    }
}
