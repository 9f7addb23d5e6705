package dev.weft.session;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that a reader, or the disk after a power cut, sees either the old content
 * or the new one, never a mix: write a temp file in the same directory, fsync it, rename it
 * over the target, fsync the directory. If anything fails the old file is untouched and the
 * temp file is removed. Every call goes through a {@link Disk}, so tests can fail any of them.
 */
final class AtomicFileWriter {
    /** Writes the new content; may fail at any point. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int BUFFER = 1 << 16;

    private AtomicFileWriter() {}

    static void write(Path target, Content content) throws IOException {
        write(Disk.REAL, target, content);
    }

    static void write(Disk disk, Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // created rw------- on POSIX: a session holds the user's text
        Path temp = disk.createFile(SaveTemps.next(target.toAbsolutePath()), ownerOnly(dir));
        boolean renamed = false;
        try {
            try (FileChannel channel = disk.open(temp, Set.of(StandardOpenOption.WRITE))) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            keepPermissions(target, temp);
            disk.replace(temp, target);
            renamed = true;
            syncDirectory(dir);
        } finally {
            if (!renamed) {
                try {
                    disk.delete(temp);
                } catch (IOException e) {
                    // the failure that brought us here is the one to report; the next open removes it
                }
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    /** A saved file keeps the mode the user gave it. */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (Files.exists(target) && target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        }
    }

    /** Makes the rename itself durable. Some platforms cannot open a directory; the rename is still atomic there. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // best effort, see above
        }
    }
}
