package dev.weft.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What a file looked like when we last read or wrote it: modified time, size and identity
 * (inode). If any differs at save time, someone else wrote the file and saving would lose
 * their change.
 */
record FileStamp(FileTime modified, long size, Object fileKey) {
    static final FileStamp MISSING = new FileStamp(FileTime.fromMillis(0), -1, null);

    static FileStamp of(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(a.lastModifiedTime(), a.size(), a.fileKey());
        } catch (NoSuchFileException e) {
            return MISSING;
        }
    }
}
