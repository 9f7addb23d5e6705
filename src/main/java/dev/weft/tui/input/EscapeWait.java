package dev.weft.tui.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The terminal's input with one short wait: when the bytes read so far end inside an escape
 * sequence ({@code ESC [} and parameters, or {@code ESC O}) and the rest has not arrived (a
 * slow link can cut "ESC [ A" between packets), {@link #available()} waits up to a few tens of
 * milliseconds for it, so the decoder sees the whole sequence and not Esc, '[', 'A'. A lone
 * ESC never waits: Esc answers at once.
 */
public final class EscapeWait extends FilterInputStream {
    /** Long enough for the rest of a sequence cut by the network, short enough not to be felt. */
    public static final long DEFAULT_WAIT_MILLIS = 60;
    private static final long STEP_MILLIS = 2;

    /** How the wait passes: a sleep in use, a counter in tests. */
    public interface Pause {
        void pause(long millis) throws InterruptedException;
    }

    private final long waitMillis;
    private final Pause pause;
    /** Where the last bytes handed out stand in an escape sequence. */
    private Tail tail = Tail.NONE;
    /** The wait for this tail has run out: the bytes were typed, not sent as one sequence. */
    private boolean gaveUp;

    private enum Tail { NONE, ESC, INTRODUCED, PARAMETERS }

    public EscapeWait(InputStream in) {
        this(in, DEFAULT_WAIT_MILLIS, Thread::sleep);
    }

    public EscapeWait(InputStream in, long waitMillis, Pause pause) {
        super(in);
        this.waitMillis = waitMillis;
        this.pause = pause;
    }

    @Override
    public int available() throws IOException {
        int n = in.available();
        if (n > 0 || !insideSequence() || gaveUp) {
            return n;
        }
        try {
            for (long waited = 0; waited < waitMillis && n == 0; waited += STEP_MILLIS) {
                pause.pause(STEP_MILLIS);
                n = in.available();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gaveUp = n == 0;
        return n;
    }

    /** After ESC [ (with or without parameters) or ESC O: the final byte is still to come. */
    boolean insideSequence() {
        return tail == Tail.INTRODUCED || tail == Tail.PARAMETERS;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            follow((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = in.read(buffer, off, len);
        for (int i = 0; i < n; i++) {
            follow(buffer[off + i]);
        }
        return n;
    }

    private void follow(byte b) {
        int c = b & 0xff;
        gaveUp = false;
        tail = switch (tail) {
            case NONE -> c == 0x1b ? Tail.ESC : Tail.NONE;
            case ESC -> c == '[' || c == 'O' ? Tail.INTRODUCED : c == 0x1b ? Tail.ESC : Tail.NONE;
            // CSI parameter and intermediate bytes (0x20-0x3f) continue it; a final byte (0x40-0x7e) ends it
            case INTRODUCED, PARAMETERS -> c == 0x1b ? Tail.ESC
                    : c >= 0x20 && c <= 0x3f ? Tail.PARAMETERS : Tail.NONE;
        };
    }
}
