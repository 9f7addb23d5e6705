package dev.weft.session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The session file alone, without its journal: for export, import and tools that hold a
 * {@link Session} value. Exploring goes through {@link SessionStore}, which journals.
 */
public final class SessionFile {
    private SessionFile() {}

    /** Reads and checks a session file (see weft-session(5)). */
    public static Session read(Path file) throws SessionException {
        return SessionReader.read(file);
    }

    /**
     * The start of a session file only: the view's path as a loom of its own, for a first screen
     * while the rest is read; null when the file does not begin with it (see {@link SessionReader#readViewPath}).
     */
    public static Session readViewPath(Path file) throws SessionException {
        return SessionReader.readViewPath(file);
    }

    /** The journal beside a session file: the recording replay walks. */
    public static Path journalOf(Path sessionFile) {
        return SessionFormat.journalOf(sessionFile);
    }

    /** Streams the session in the file's layout to {@code out} (an export to standard output, say). */
    public static void write(Session session, OutputStream out) throws IOException {
        SessionWriter.write(session, out);
    }

    /** Writes the session atomically: a failure leaves the previous file as it was. */
    public static void write(Path file, Session session) throws SessionException {
        write(Disk.REAL, file, session);
    }

    /** As {@link #write(Path, Session)}, writing through {@code disk}. */
    static void write(Disk disk, Path file, Session session) throws SessionException {
        try {
            AtomicFileWriter.write(disk, file, out -> SessionWriter.write(session, out));
        } catch (IOException e) {
            throw new SessionException(file + ": cannot save (the previous file is intact): " + e.getMessage(), e);
        }
    }
}
