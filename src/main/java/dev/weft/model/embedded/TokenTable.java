package dev.weft.model.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The raw bytes of every token id, in one array, with a hash index from bytes back to the id.
 * Read from the model cache in a few milliseconds; building it through jtokkit (parsing the BPE
 * ranks) takes most of a second of CPU on every start. Immutable.
 *
 * <p>The file: {@code long magic, int version, int count, int[count + 1] offsets, byte[] bytes,
 * long CRC-32 of everything before it}; any damage is an {@link IOException}.
 */
final class TokenTable {
    private static final long MAGIC = 0x5745_4654_2d54_4f4bL; // "WEFT-TOK"
    static final int FORMAT_VERSION = 1;

    private final byte[] bytes;
    private final int[] offsets;
    /** Open addressing: id + 1 at each slot, 0 for an empty slot. */
    private final int[] index;

    TokenTable(byte[][] tokens) {
        offsets = new int[tokens.length + 1];
        for (int id = 0; id < tokens.length; id++) {
            offsets[id + 1] = offsets[id] + tokens[id].length;
        }
        bytes = new byte[offsets[tokens.length]];
        for (int id = 0; id < tokens.length; id++) {
            System.arraycopy(tokens[id], 0, bytes, offsets[id], tokens[id].length);
        }
        index = indexOf(bytes, offsets);
    }

    private TokenTable(byte[] bytes, int[] offsets) {
        this.bytes = bytes;
        this.offsets = offsets;
        this.index = indexOf(bytes, offsets);
    }

    int size() {
        return offsets.length - 1;
    }

    /** A copy of a token's bytes. */
    byte[] bytes(int id) {
        return Arrays.copyOfRange(bytes, offsets[id], offsets[id + 1]);
    }

    /** How many bytes a token has. */
    int length(int id) {
        return offsets[id + 1] - offsets[id];
    }

    /** A token's {@code i}th byte. */
    byte byteAt(int id, int i) {
        return bytes[offsets[id] + i];
    }

    /** The first id whose bytes are {@code text[from, to)}, or -1. */
    int id(byte[] text, int from, int to) {
        int mask = index.length - 1;
        for (int slot = hash(text, from, to) & mask; ; slot = (slot + 1) & mask) {
            int entry = index[slot];
            if (entry == 0) {
                return -1;
            }
            int id = entry - 1;
            if (Arrays.equals(bytes, offsets[id], offsets[id + 1], text, from, to)) {
                return id;
            }
        }
    }

    private static int[] indexOf(byte[] bytes, int[] offsets) {
        int count = offsets.length - 1;
        int[] index = new int[Integer.highestOneBit(Math.max(count, 1) * 3) << 1]; // load factor under 2/3
        int mask = index.length - 1;
        for (int id = 0; id < count; id++) {
            int slot = hash(bytes, offsets[id], offsets[id + 1]) & mask;
            while (index[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            index[slot] = id + 1;
        }
        return index;
    }

    private static int hash(byte[] a, int from, int to) {
        int h = 0x9747b28c;
        for (int i = from; i < to; i++) {
            h = (h ^ (a[i] & 0xff)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    byte[] encode() {
        int size = 8 + 4 + 4 + 4 * offsets.length + bytes.length + 8;
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putLong(MAGIC).putInt(FORMAT_VERSION).putInt(size());
        out.asIntBuffer().put(offsets);
        out.position(out.position() + 4 * offsets.length);
        out.put(bytes);
        out.putLong(checksum(out.array(), size - 8));
        return out.array();
    }

    static TokenTable decode(byte[] file) throws IOException {
        if (file.length < 8 + 4 + 4 + 4 + 8) {
            throw new IOException("token table too short");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        if (in.getLong(file.length - 8) != checksum(file, file.length - 8)) {
            throw new IOException("token table checksum mismatch");
        }
        if (in.getLong() != MAGIC || in.getInt() != FORMAT_VERSION) {
            throw new IOException("not a token table of this version");
        }
        int count = in.getInt();
        if (count < 1 || count > (file.length - 24) / 4) {
            throw new IOException("token table: bad count " + count);
        }
        int[] offsets = new int[count + 1];
        in.asIntBuffer().get(offsets);
        in.position(in.position() + 4 * offsets.length);
        int length = file.length - 8 - in.position();
        if (offsets[0] != 0 || offsets[count] != length) {
            throw new IOException("token table: offsets do not match its bytes");
        }
        for (int id = 0; id < count; id++) {
            if (offsets[id + 1] < offsets[id]) {
                throw new IOException("token table: offsets out of order at " + id);
            }
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new TokenTable(bytes, offsets);
    }

    private static long checksum(byte[] data, int length) {
        CRC32 crc = new CRC32();
        crc.update(data, 0, length);
        return crc.getValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenTable t && Arrays.equals(bytes, t.bytes) && Arrays.equals(offsets, t.offsets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(offsets);
    }
}
