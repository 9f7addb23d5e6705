package dev.weft.model.gguf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every GGUF file starts with (ggml's gguf.cpp): the magic, a supported version, the tensor
 * count and the metadata, read and checked once for {@link GgufFile} and {@link GgufHeader} alike.
 * The cursor is left at the tensor table.
 */
record GgufPrelude(int version, long tensorCount, Map<String, Object> metadata) {
    static final int MAGIC = 0x46554747; // "GGUF" little-endian

    static GgufPrelude read(HeaderCursor in, long size, String name) throws GgufException {
        if (size < 4 || in.i32("magic") != MAGIC) {
            throw new GgufException(name + ": not a GGUF file (no GGUF magic at its start)");
        }
        int version = in.i32("version");
        if (version != 2 && version != 3) {
            throw new GgufException(name + ": GGUF version " + version + " is not supported (supported: 2, 3)");
        }
        long tensorCount = in.count("tensor count", 8 + 4 + 4 + 8);
        long kvCount = in.count("metadata count", 8 + 4 + 1);
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (long i = 0; i < kvCount; i++) {
            String key = in.string("metadata key");
            int type = in.i32("type of " + key);
            metadata.put(key, MetadataValue.read(in, type, key));
        }
        return new GgufPrelude(version, tensorCount, metadata);
    }
}
