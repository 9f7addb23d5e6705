package dev.weft.session;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Checks that what a session or journal reader reads is well-formed UTF-8 (RFC 3629) before
 * the JSON parser sees it: besides the bytes the parser itself refuses, this refuses what it
 * would let through as garbage: code points above U+10FFFF ({@code F4 90 80 80} and up),
 * encoded surrogates ({@code ED A0 80}) and overlong forms. Knows the line and column (in
 * bytes, as the parser counts) of what it refuses.
 */
final class Utf8Check extends FilterInputStream {
    /** Bytes that are not UTF-8, where they are. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;
        final String reason;

        Malformed(int line, int column, String reason) {
            super("line " + line + ", column " + column + ": invalid UTF-8: " + reason);
            this.line = line;
            this.column = column;
            this.reason = reason;
        }
    }

    private int line = 1;
    private int column = 0;
    /** Continuation bytes still expected, the lowest and highest allowed for the next one. */
    private int remaining;
    private int low = 0x80;
    private int high = 0xbf;
    private int lead;
    private int leadLine;
    private int leadColumn;

    Utf8Check(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            end();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            end();
        }
        for (int i = 0; i < n; i++) {
            check(buffer[offset + i] & 0xff);
        }
        return n;
    }

    private void end() throws Malformed {
        if (remaining > 0) {
            throw new Malformed(leadLine, leadColumn, String.format("the file ends inside a character (byte 0x%02X)", lead));
        }
    }

    private void check(int b) throws Malformed {
        column++;
        if (remaining > 0) {
            if (b < low || b > high) {
                throw new Malformed(leadLine, leadColumn, describe(b));
            }
            remaining--;
            low = 0x80;
            high = 0xbf;
            return;
        }
        if (b == '\n') {
            line++;
            column = 0;
            return;
        }
        if (b < 0x80) {
            return;
        }
        lead = b;
        leadLine = line;
        leadColumn = column;
        if (b >= 0xc2 && b <= 0xdf) {
            remaining = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
            remaining = 2;
            low = b == 0xe0 ? 0xa0 : 0x80;   // E0 80..9F: overlong
            high = b == 0xed ? 0x9f : 0xbf;  // ED A0..BF: a surrogate
        } else if (b >= 0xf0 && b <= 0xf4) {
            remaining = 3;
            low = b == 0xf0 ? 0x90 : 0x80;   // F0 80..8F: overlong
            high = b == 0xf4 ? 0x8f : 0xbf;  // F4 90 and up: above U+10FFFF
        } else {
            throw new Malformed(line, column, b >= 0x80 && b <= 0xbf
                    ? String.format("byte 0x%02X continues no character", b)
                    : String.format("byte 0x%02X never appears in UTF-8", b));
        }
    }

    private String describe(int b) {
        if (b < 0x80 || b > 0xbf) {
            return String.format("byte 0x%02X cuts the character begun by 0x%02X short", b, lead);
        }
        if (lead == 0xf4) {
            return String.format("0x%02X 0x%02X starts a code point above U+10FFFF", lead, b);
        }
        if (lead == 0xed) {
            return String.format("0x%02X 0x%02X encodes a surrogate (U+D800..U+DFFF)", lead, b);
        }
        return String.format("0x%02X 0x%02X is an overlong form", lead, b);
    }
}
