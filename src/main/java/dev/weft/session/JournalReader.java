package dev.weft.session;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads journal lines in one pass, with line numbers for errors. A bad line refuses the
 * journal, except the last one when it has no newline: an entry is a single write at the end
 * of the file, so only the last line can be cut by a crash, and that one is dropped with a
 * warning. Seq numbers must increase.
 */
final class JournalReader {
    private static final int CHUNK = 1 << 16;

    private JournalReader() {}

    /**
     * What a journal holds, how many of its bytes are clean (up to the end of the last whole
     * entry) and whether that last entry lacks its newline.
     */
    record Scan(SessionJournal.Contents contents, long cleanLength, boolean unterminated) {}

    static Scan scan(InputStream in, String name) throws IOException, SessionException {
        List<JournalEntry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        LineBuffer line = new LineBuffer();
        long cleanLength = 0;
        int lineNumber = 0;
        byte[] chunk = new byte[CHUNK];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    line.append(chunk, from, i - from);
                    from = i + 1;
                    lineNumber++;
                    if (!line.isBlank()) {
                        JournalEntry entry = JournalCodec.decode(line.bytes(), 0, line.length(), name, lineNumber);
                        add(entries, entry, name, lineNumber);
                    }
                    cleanLength += line.length() + 1;
                    line.clear();
                }
            }
            line.append(chunk, from, n - from);
        }
        if (line.isBlank()) {
            return new Scan(new SessionJournal.Contents(entries, warnings), cleanLength, false);
        }
        lineNumber++;
        JournalEntry last;
        try {
            last = JournalCodec.decode(line.bytes(), 0, line.length(), name, lineNumber);
        } catch (SessionException e) {
            // only the last line can be cut by a crash: an entry is one write at the end of the file
            warnings.add(name + ":" + lineNumber + ": ignored an incomplete last entry"
                    + " (cut off by a crash while it was written)");
            return new Scan(new SessionJournal.Contents(entries, warnings), cleanLength, false);
        }
        add(entries, last, name, lineNumber);
        return new Scan(new SessionJournal.Contents(entries, warnings), cleanLength + line.length(), true);
    }

    private static void add(List<JournalEntry> entries, JournalEntry entry, String name, int lineNumber)
            throws SessionException {
        if (!entries.isEmpty() && entry.seq() <= entries.get(entries.size() - 1).seq()) {
            throw new SessionException(name + ":" + lineNumber + ": entry seq " + entry.seq()
                    + " does not follow seq " + entries.get(entries.size() - 1).seq());
        }
        entries.add(entry);
    }

    /** One line's bytes, reused from line to line. */
    private static final class LineBuffer {
        private byte[] bytes = new byte[256];
        private int length;

        void append(byte[] from, int offset, int count) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
            System.arraycopy(from, offset, bytes, length, count);
            length += count;
        }

        boolean isBlank() {
            for (int i = 0; i < length; i++) {
                if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                    return false;
                }
            }
            return true;
        }

        byte[] bytes() {
            return bytes;
        }

        int length() {
            return length;
        }

        void clear() {
            length = 0;
        }
    }
}
