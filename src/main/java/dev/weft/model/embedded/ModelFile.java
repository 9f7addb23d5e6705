package dev.weft.model.embedded;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The binary form of a trained {@link KneserNeyModel}: only its count tables, since discounts,
 * context totals and backoff weights are quick to derive again. Big-endian:
 * <pre>
 *   magic "WEFT-KN\0", int format version, int vocabulary size, int order
 *   per level 1..order: int contexts, int grams,
 *                       long[contexts] keys, int[contexts + 1] starts, char[grams] words, int[grams] counts
 *   long CRC-32 of everything before it
 * </pre>
 */
final class ModelFile {
    /** Bump on any change to this layout or to how counts are made; it is part of the cache key. */
    static final int FORMAT_VERSION = 1;
    private static final long MAGIC = 0x5745_4654_2d4b_4e00L;
    private static final int HEADER_BYTES = 8 + 3 * 4;

    private ModelFile() {}

    static byte[] encode(KneserNeyModel model) {
        List<NgramTable> tables = model.tables();
        int size = HEADER_BYTES + 8;
        for (NgramTable t : tables) {
            size += 8 + 8 * t.contextCount() + 4 * (t.contextCount() + 1) + 6 * t.gramCount();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putLong(MAGIC).putInt(FORMAT_VERSION).putInt(model.vocabularySize()).putInt(model.order());
        for (NgramTable t : tables) {
            out.putInt(t.contextCount()).putInt(t.gramCount());
            out.asLongBuffer().put(t.contexts());
            out.position(out.position() + 8 * t.contextCount());
            out.asIntBuffer().put(t.starts());
            out.position(out.position() + 4 * (t.contextCount() + 1));
            out.asCharBuffer().put(t.words());
            out.position(out.position() + 2 * t.gramCount());
            out.asIntBuffer().put(t.counts());
            out.position(out.position() + 4 * t.gramCount());
        }
        out.putLong(checksum(out.array(), size - 8));
        return out.array();
    }

    /** Parses and validates a model; any damage (truncation, flipped bits, wrong version) is an IOException. */
    static KneserNeyModel decode(byte[] bytes) throws IOException {
        if (bytes.length < HEADER_BYTES + 8) {
            throw new IOException("model file too short");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getLong(bytes.length - 8) != checksum(bytes, bytes.length - 8)) {
            throw new IOException("model file checksum mismatch");
        }
        if (in.getLong() != MAGIC || in.getInt() != FORMAT_VERSION) {
            throw new IOException("not a weft model file of format " + FORMAT_VERSION);
        }
        in.limit(bytes.length - 8);
        try {
            int vocabularySize = in.getInt();
            int order = in.getInt();
            if (order < 1 || order > KneserNeyModel.MAX_ORDER) {
                throw new IOException("model file has order " + order);
            }
            List<NgramTable> tables = new ArrayList<>(order);
            for (int k = 1; k <= order; k++) {
                tables.add(readTable(in, k - 1));
            }
            if (in.hasRemaining()) {
                throw new IOException("model file has trailing bytes");
            }
            return new KneserNeyModel(vocabularySize, tables);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException("damaged model file: " + e.getMessage(), e);
        }
    }

    private static NgramTable readTable(ByteBuffer in, int contextLength) throws IOException {
        int contexts = in.getInt();
        int grams = in.getInt();
        // check the sizes before allocating, so a damaged length cannot ask for gigabytes
        long needed = 8L * contexts + 4L * (contexts + 1) + 6L * grams;
        if (contexts < 0 || grams < 0 || needed > in.remaining()) {
            throw new IOException("model file truncated");
        }
        long[] keys = new long[contexts];
        in.asLongBuffer().get(keys);
        in.position(in.position() + 8 * contexts);
        int[] starts = new int[contexts + 1];
        in.asIntBuffer().get(starts);
        in.position(in.position() + 4 * (contexts + 1));
        char[] words = new char[grams];
        in.asCharBuffer().get(words);
        in.position(in.position() + 2 * grams);
        int[] counts = new int[grams];
        in.asIntBuffer().get(counts);
        in.position(in.position() + 4 * grams);
        return new NgramTable(contextLength, keys, starts, words, counts);
    }

    private static long checksum(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
