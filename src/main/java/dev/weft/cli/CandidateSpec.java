package dev.weft.cli;

import dev.weft.analysis.CandidateSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The candidate answers of {@code weft dist}: an integer range {@code 0..100}, a comma list, or {@code @FILE}. */
final class CandidateSpec {
    private CandidateSpec() {}

    /**
     * @throws UsageException for an empty, reversed or too long list, a repeated candidate, or a missing file
     * @throws IOException    when the file cannot be read
     */
    static List<String> parse(String spec) throws IOException {
        try {
            if (spec.startsWith("@")) {
                Path file = Path.of(spec.substring(1));
                return CandidateSet.fromLines(Files.readAllLines(file, StandardCharsets.UTF_8), spec);
            }
            return CandidateSet.parse(spec);
        } catch (NoSuchFileException e) {
            throw new UsageException("--candidates " + spec + ": no such file");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--candidates " + e.getMessage());
        }
    }
}
