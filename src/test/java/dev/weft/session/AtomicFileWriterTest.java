package dev.weft.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheContent() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), "old");

        AtomicFileWriter.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertEquals("new", Files.readString(file));
        assertEquals(List.of(file), files());
    }

    @Test
    void aFailureWhileWritingLeavesTheOldFileAndNoTempFile() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), "the user's work");

        IOException failure = assertThrows(IOException.class, () -> AtomicFileWriter.write(file, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));

        assertEquals("No space left on device", failure.getMessage());
        assertEquals("the user's work", Files.readString(file));
        assertEquals(List.of(file), files());
    }

    @Test
    void keepsTheFilesPermissions() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFileWriter.write(file, out -> out.write('x'));

        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aNewFileIsPrivate() throws Exception {
        Path file = dir.resolve("new.json");

        AtomicFileWriter.write(file, out -> out.write('x'));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.collect(Collectors.toList());
        }
    }
}
