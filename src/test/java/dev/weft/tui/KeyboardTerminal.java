package dev.weft.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.weft.tui.input.EscapeWait;
import dev.weft.tui.input.KeyDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Lanterna's virtual terminal (its screen can be read back as text) whose keys come as the
 * bytes a real terminal sends, through the same decoding as {@link WeftTerminal}: Lanterna's
 * {@link InputDecoder} with its default key profile, {@link KeyDecoding} and {@link EscapeWait}.
 * {@link #send} is one read's worth of bytes, as one packet over SSH.
 */
final class KeyboardTerminal extends DefaultVirtualTerminal {
    private final Bytes bytes = new Bytes();
    private final InputDecoder decoder;

    /** The wait for a sequence's rest: each pause lets the next queued packet arrive. */
    KeyboardTerminal(TerminalSize size) {
        super(size);
        decoder = new InputDecoder(new InputStreamReader(new EscapeWait(bytes, 60, millis -> bytes.arrive()),
                StandardCharsets.UTF_8));
        decoder.addProfile(new DefaultKeyDecodingProfile());
        KeyDecoding.install(decoder);
    }

    /** The terminal writes these bytes at once (one read for the app). */
    void send(String s) {
        bytes.packets.add(s.getBytes(StandardCharsets.UTF_8));
        if (bytes.current == null) {
            bytes.arrive();
        }
    }

    /** These bytes come later: only once the reader has waited (a packet still on the wire). */
    void sendLater(String s) {
        bytes.later.add(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized KeyStroke pollInput() {
        try {
            return decoder.getNextCharacter(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized KeyStroke readInput() {
        return pollInput();
    }

    /** Bytes arriving packet by packet; reads never block (the decoder asks only when some are there). */
    private static final class Bytes extends InputStream {
        final LinkedBlockingQueue<byte[]> packets = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<byte[]> later = new LinkedBlockingQueue<>();
        byte[] current;
        int at;

        void arrive() {
            if (current == null || at == current.length) {
                byte[] next = packets.poll();
                if (next == null) {
                    next = later.poll();
                }
                current = next;
                at = 0;
            }
        }

        @Override
        public int available() {
            if (current == null || at == current.length) {
                byte[] next = packets.poll();
                if (next != null) {
                    current = next;
                    at = 0;
                }
            }
            return current == null ? 0 : current.length - at;
        }

        @Override
        public int read() {
            return available() == 0 ? -1 : current[at++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = Math.min(len, available());
            if (n == 0) {
                return len == 0 ? 0 : -1;
            }
            System.arraycopy(current, at, b, off, n);
            at += n;
            return n;
        }
    }
}
