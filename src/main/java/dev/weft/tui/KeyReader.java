package dev.weft.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.ScreenInfoAction;
import com.googlecode.lanterna.input.ScreenInfoCharacterPattern;
import dev.weft.tui.input.KeyDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one reader of the terminal's input: a thread blocked on it that decodes each key as it
 * arrives and hands it over at once (the UI thread no longer polls, so a key waits for nothing).
 * Cursor-position reports, which Lanterna asks for to learn the terminal's size, go to the
 * terminal through {@link #terminalInput()}; everything else is a key.
 *
 * <p>While something else owns the terminal (the {@code :} command line, an editor) the reader
 * must not be inside a read, or it would take that program's first key. {@link #pause} asks the
 * terminal where its cursor is and waits for the answer: the read it unblocks is the reader's
 * last until {@link #resume}. Keys that came before the answer are handed over first.
 */
final class KeyReader {
    private static final long PAUSE_ANSWER_MS = 1000;

    private final InputDecoder decoder;
    private final ReportInput reports = new ReportInput();
    private final Object lock = new Object();
    private final List<KeyStroke> early = new ArrayList<>();
    private Consumer<KeyStroke> sink;
    private boolean pauseWanted;
    private boolean parked;
    /** Position queries of our own still unanswered: their answers are not Lanterna's. */
    private int pings;

    KeyReader(InputStream input, Charset charset) {
        this.decoder = new InputDecoder(new InputStreamReader(input, charset));
        this.decoder.addProfile(new DefaultKeyDecodingProfile());
        KeyDecoding.install(decoder); // Esc and a key typed together are two keys
    }

    KeyReader(InputStream input) {
        this(input, StandardCharsets.UTF_8);
    }

    /** What the Lanterna terminal reads: only the position reports it asked for. */
    InputStream terminalInput() {
        return reports;
    }

    /** Starts the reading thread (a daemon: it is blocked in a read when the program ends). */
    void start() {
        Thread thread = new Thread(this::readUntilEnd, "weft-keys");
        thread.setDaemon(true);
        thread.start();
    }

    /** Where keys go from now on; keys read before are handed over first, in order. */
    void connect(Consumer<KeyStroke> keys) {
        synchronized (lock) {
            early.forEach(keys);
            early.clear();
            sink = keys;
        }
    }

    /**
     * Stops reading: {@code askPosition} must write a cursor-position query to the terminal (and
     * flush it). Returns once the reader has handed over every key before the answer and stopped,
     * or after a second when the terminal does not answer (false; the next key is then read
     * before the reader stops).
     */
    boolean pause(IoAction askPosition) throws IOException {
        synchronized (lock) {
            pauseWanted = true;
            pings++;
        }
        askPosition.run();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PAUSE_ANSWER_MS);
        synchronized (lock) {
            try {
                while (!parked) {
                    long left = end - System.nanoTime();
                    if (left <= 0) {
                        pings = 0;
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return true;
        }
    }

    /** Reading again, after {@link #pause}. */
    void resume() {
        synchronized (lock) {
            pauseWanted = false;
            lock.notifyAll();
        }
    }

    /** Something that writes to the terminal. */
    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    private void readUntilEnd() {
        try {
            while (true) {
                waitWhilePaused();
                if (!deliver(decoder.getNextCharacter(true))) {
                    return;
                }
                // everything already read (a paste, an escape sequence, keys before an answer)
                for (KeyStroke more = decoder.getNextCharacter(false); more != null; more = decoder.getNextCharacter(false)) {
                    if (!deliver(more)) {
                        return;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            deliver(new KeyStroke(KeyType.EOF));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitWhilePaused() throws InterruptedException {
        synchronized (lock) {
            if (!pauseWanted || pings > 0) {
                return; // not paused, or the answer that ends the last read is still to come
            }
            parked = true;
            lock.notifyAll();
            while (pauseWanted) {
                lock.wait();
            }
            parked = false;
        }
    }

    /** Hands one decoded key on; false at the end of the input. */
    private boolean deliver(KeyStroke key) {
        ScreenInfoAction report = ScreenInfoCharacterPattern.tryToAdopt(key);
        synchronized (lock) {
            if (report != null) {
                if (pings > 0) {
                    pings--;
                } else {
                    reports.add(encode(report.getPosition()));
                }
                return true;
            }
            if (sink != null) {
                sink.accept(key);
            } else {
                early.add(key);
            }
            if (key.getKeyType() == KeyType.EOF) {
                parked = true; // nothing more will be read: a pause need not wait
                lock.notifyAll();
                return false;
            }
            return true;
        }
    }

    /** A report as the terminal sent it (CSI row ; column R), for Lanterna's own decoder. */
    private static byte[] encode(TerminalPosition position) {
        return ("\u001b[" + position.getRow() + ";" + position.getColumn() + "R").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The bytes handed to Lanterna's terminal. Lanterna reads only what is ready, so a read
     * never waits in practice; if one did, it would wait for the next report (an end of input
     * here would make Lanterna's decoder report one).
     */
    private static final class ReportInput extends InputStream {
        private final java.util.ArrayDeque<Byte> bytes = new java.util.ArrayDeque<>();

        synchronized void add(byte[] report) {
            for (byte b : report) {
                bytes.add(b);
            }
            notifyAll();
        }

        @Override
        public synchronized int available() {
            return bytes.size();
        }

        @Override
        public synchronized int read() throws IOException {
            awaitBytes();
            return bytes.poll() & 0xff;
        }

        @Override
        public synchronized int read(byte[] into, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            awaitBytes();
            int n = 0;
            while (n < len && !bytes.isEmpty()) {
                into[off + n++] = bytes.poll();
            }
            return n;
        }

        private void awaitBytes() throws IOException {
            while (bytes.isEmpty()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted waiting for a terminal report");
                }
            }
        }
    }
}
