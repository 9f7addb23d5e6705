package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden screens: the expected text lives in {@code src/test/resources/golden/NAME.txt}. They
 * are rewritten only on purpose, with {@code -Dweft.golden.update=true}, and the diff reviewed.
 */
final class Golden {
    static final Path DIR = Path.of("src", "test", "resources", "golden");
    static final boolean UPDATE = Boolean.getBoolean("weft.golden.update");

    private Golden() {}

    static void assertScreen(String name, String actual) {
        assertFile(DIR.resolve(name + ".txt"), actual);
    }

    /** Compares {@code actual} with a file of the repository (or rewrites it when updating). */
    static void assertFile(Path file, String actual) {
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            assertEquals(expected, actual, file + " differs (rerun with -Dweft.golden.update=true to accept, then review the diff)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
