package dev.weft.session;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The append-only journal beside a session file, one {@link JournalEntry} per line.
 *
 * <p>Durability: each entry goes to the file in one write and is forced to the device
 * ({@code fdatasync}) before {@link #append} returns, so an entry the caller was told about
 * survives a process crash and a power cut. That costs one sync per entry, which is cheap
 * beside a model call. A crash mid-write leaves at most a cut last line: reading tolerates it
 * with a warning, and opening for append cuts it off so new entries start on a clean line.
 *
 * <p>While open for append the journal is locked, so a second weft cannot interleave entries.
 */
public final class SessionJournal implements Closeable {
    /** The entries in order, and warnings (a cut last line) to show the user. */
    public record Contents(List<JournalEntry> entries, List<String> warnings) {
        public Contents {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Journals this process holds open for append, by real path. On POSIX, closing any channel on
     * a file drops every lock the process holds on it, so while a journal is held it is never
     * opened a second time: another open fails before touching the file, and reads go through
     * the holder's channel.
     */
    private static final Map<Path, SessionJournal> HELD = new HashMap<>();

    private final Path path;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    /** A failed write could not be undone: appending more would bury a broken line mid-journal. */
    private boolean broken;

    private SessionJournal(Path path, Path key, FileChannel channel, FileLock lock) {
        this.path = path;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Reads a journal; a missing journal is empty. */
    public static Contents read(Path journal) throws SessionException {
        try {
            SessionJournal held;
            synchronized (HELD) {
                held = HELD.get(key(journal));
            }
            if (held != null) {
                return held.readAll();
            }
            try (InputStream in = Files.newInputStream(journal)) {
                return JournalReader.scan(in, journal.toString()).contents();
            }
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), List.of());
        } catch (IOException e) {
            throw new SessionException(journal + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A journal opened for append, and what it held: the entries to replay. */
    record Opened(SessionJournal journal, Contents contents) {}

    /** Opens for appending: takes the lock, reads the entries, cuts off a line cut by a crash. */
    static Opened open(Path journal) throws SessionException {
        return open(Disk.REAL, journal);
    }

    /** As {@link #open(Path)}, writing through {@code disk}. */
    static Opened open(Disk disk, Path journal) throws SessionException {
        FileChannel channel = null;
        try {
            synchronized (HELD) {
                Path key = key(journal);
                if (HELD.containsKey(key)) {
                    throw alreadyOpen(journal);
                }
                channel = disk.open(journal, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE), privateFile(journal));
                FileLock lock = lockOrFail(channel, journal);
                JournalReader.Scan scan = JournalReader.scan(Channels.newInputStream(channel), journal.toString());
                if (scan.cleanLength() < channel.size()) {
                    channel.truncate(scan.cleanLength());
                }
                channel.position(scan.cleanLength());
                if (scan.unterminated()) {
                    writeFully(channel, new byte[] {'\n'});
                }
                SessionJournal opened = new SessionJournal(journal, key, channel, lock);
                HELD.put(key, opened);
                return new Opened(opened, scan.contents());
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SessionException(journal + ": cannot open the journal: " + e.getMessage(), e);
        } catch (SessionException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Everything the journal holds now, read through the locked channel (see {@link #HELD}). */
    private synchronized Contents readAll() throws SessionException {
        try {
            channel.position(0);
            return JournalReader.scan(Channels.newInputStream(channel), path.toString()).contents();
        } catch (IOException e) {
            throw new SessionException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Writes the entry and forces it to the device; on failure the journal is as it was. */
    synchronized void append(JournalEntry entry) throws SessionException {
        if (broken) {
            throw new SessionException(path + ": the journal is unusable after an earlier write failure;"
                    + " save the session and reopen it");
        }
        byte[] line = JournalCodec.encode(entry);
        long end = -1;
        try {
            end = channel.size();
            channel.position(end);
            writeFully(channel, line);
            channel.force(false);
        } catch (IOException e) {
            undo(end);
            throw new SessionException(path + ": cannot append to the journal: " + e.getMessage(), e);
        }
    }

    /** Writes the entries in one write and forces them to the device once; on failure the journal is as it was. */
    synchronized void appendAll(List<JournalEntry> entries) throws SessionException {
        if (entries.isEmpty()) {
            return;
        }
        if (broken) {
            throw new SessionException(path + ": the journal is unusable after an earlier write failure;"
                    + " save the session and reopen it");
        }
        java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
        for (JournalEntry entry : entries) {
            lines.writeBytes(JournalCodec.encode(entry));
        }
        long end = -1;
        try {
            end = channel.size();
            channel.position(end);
            writeFully(channel, lines.toByteArray());
            channel.force(false);
        } catch (IOException e) {
            undo(end);
            throw new SessionException(path + ": cannot append to the journal: " + e.getMessage(), e);
        }
    }

    /**
     * Empties the journal: after a full save has written everything it held (and more), it starts
     * afresh with the entries after the save, so it never has a gap. Also clears a write failure.
     */
    synchronized void restart() throws SessionException {
        try {
            channel.truncate(0);
            channel.position(0);
            channel.force(true);
            broken = false;
        } catch (IOException e) {
            broken = true;
            throw new SessionException(path + ": cannot start a fresh journal: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            HELD.remove(key);
        }
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private void undo(long end) {
        try {
            if (end >= 0) {
                channel.truncate(end);
            }
        } catch (IOException e) {
            broken = true;
        }
    }

    private static FileLock lockOrFail(FileChannel channel, Path journal) throws IOException, SessionException {
        FileLock lock = channel.tryLock();
        if (lock == null) {
            throw alreadyOpen(journal);
        }
        return lock;
    }

    private static SessionException alreadyOpen(Path journal) {
        return new SessionException(journal + ": the session is already open (here or in another weft)");
    }

    private static Path key(Path journal) throws IOException {
        Path absolute = journal.toAbsolutePath();
        return absolute.getParent().toRealPath().resolve(absolute.getFileName());
    }

    private static FileAttribute<?>[] privateFile(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        return new FileAttribute<?>[] {ownerOnly};
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // already failing with a better message
        }
    }
}
