package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidateSpecTest {
    @Test
    void rangesListsAndFiles(@TempDir Path dir) throws Exception {
        assertEquals(List.of("-1", "0", "1"), CandidateSpec.parse("-1..1"));
        assertEquals(101, CandidateSpec.parse("0..100").size());
        assertEquals(List.of("yes", "no", "maybe so"), CandidateSpec.parse("yes, no ,maybe so"));
        Path file = dir.resolve("words.txt");
        Files.writeString(file, "red\r\n\n green\nblue\n");
        assertEquals(List.of("red", " green", "blue"), CandidateSpec.parse("@" + file),
                "as written, blank lines skipped");
    }

    @Test
    void badSpecsAreUsageErrors(@TempDir Path dir) {
        assertThrows(UsageException.class, () -> CandidateSpec.parse("5..1"));
        assertThrows(UsageException.class, () -> CandidateSpec.parse("0..10000"));
        assertThrows(UsageException.class, () -> CandidateSpec.parse("a,,b"));
        assertThrows(UsageException.class, () -> CandidateSpec.parse("a,b,a"));
        assertThrows(UsageException.class, () -> CandidateSpec.parse("@" + dir.resolve("missing.txt")));
    }
}
