package dev.weft.model.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the little-endian header of a GGUF file with every length checked against what is left,
 * so a truncated or hostile file gives a one-line error instead of a huge allocation or an
 * out-of-bounds read.
 */
final class HeaderCursor {
    private final ByteBuffer buffer;
    private final String file;

    HeaderCursor(ByteBuffer buffer, String file) {
        this.buffer = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.file = file;
    }

    long position() {
        return buffer.position();
    }

    long remaining() {
        return buffer.remaining();
    }

    GgufException error(String what) {
        return new GgufException(file + ": " + what);
    }

    private void need(long bytes, String what) throws GgufException {
        if (bytes < 0 || bytes > buffer.remaining()) {
            throw error("truncated: " + what + " needs " + bytes + " bytes at offset " + buffer.position()
                    + ", " + buffer.remaining() + " left");
        }
    }

    int u8(String what) throws GgufException {
        need(1, what);
        return buffer.get() & 0xff;
    }

    int i32(String what) throws GgufException {
        need(4, what);
        return buffer.getInt();
    }

    long i64(String what) throws GgufException {
        need(8, what);
        return buffer.getLong();
    }

    short i16(String what) throws GgufException {
        need(2, what);
        return buffer.getShort();
    }

    float f32(String what) throws GgufException {
        need(4, what);
        return buffer.getFloat();
    }

    double f64(String what) throws GgufException {
        need(8, what);
        return buffer.getDouble();
    }

    /** A count or length (uint64) that must fit in what is left at {@code minBytesEach} bytes per item. */
    long count(String what, int minBytesEach) throws GgufException {
        long n = i64(what);
        if (n < 0 || (minBytesEach > 0 && n > buffer.remaining() / minBytesEach)) {
            throw error("corrupt: " + what + " is " + Long.toUnsignedString(n) + " but only " + buffer.remaining()
                    + " bytes follow");
        }
        return n;
    }

    String string(String what) throws GgufException {
        int length = (int) count(what + " length", 1);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8); // malformed bytes become U+FFFD, never an error
    }

    void skipTo(long position) throws GgufException {
        need(position - buffer.position(), "padding");
        buffer.position((int) position);
    }
}
