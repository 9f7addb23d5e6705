package dev.weft.session;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

/**
 * The few file-system calls the session writers make (the journal's appends, the atomic save),
 * behind one small interface so a test can make any of them fail as a full disk (ENOSPC) or a
 * failing device (EIO) does, at any point. Reads go straight to {@link Files}: a fault there
 * cannot lose anything.
 */
public interface Disk {
    /** The real file system. */
    Disk REAL = new Disk() {};

    /** Opens a channel; every write, force and truncate through it may fail. */
    default FileChannel open(Path file, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
            throws IOException {
        return FileChannel.open(file, options, attributes);
    }

    /** Creates an empty file that did not exist (the temp file of a save; rw------- on POSIX). */
    default Path createFile(Path file, FileAttribute<?>... attributes) throws IOException {
        return Files.createFile(file, attributes);
    }

    /** Renames {@code source} over {@code target} in one step. */
    default void replace(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes a file if it is there. */
    default void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
