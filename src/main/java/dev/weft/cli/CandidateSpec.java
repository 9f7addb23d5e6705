package dev.weft.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The candidate answers of {@code weft dist}: an integer range {@code 0..100}, a comma list, or {@code @FILE}. */
final class CandidateSpec {
    static final int MAX_CANDIDATES = 10_000;
    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)");

    private CandidateSpec() {}

    /**
     * @throws UsageException for an empty, reversed or too long list, or a repeated candidate
     * @throws IOException    when the file cannot be read
     */
    static List<String> parse(String spec) throws IOException {
        List<String> candidates;
        Matcher range = RANGE.matcher(spec.strip());
        if (spec.startsWith("@")) {
            candidates = lines(Path.of(spec.substring(1)));
        } else if (range.matches()) {
            candidates = range(Long.parseLong(range.group(1)), Long.parseLong(range.group(2)));
        } else {
            candidates = new ArrayList<>();
            for (String part : spec.split(",", -1)) {
                candidates.add(part.strip());
            }
        }
        return checked(candidates, spec);
    }

    private static List<String> range(long from, long to) {
        if (to < from) {
            throw new UsageException("--candidates " + from + ".." + to + ": the range is reversed");
        }
        if (to - from + 1 > MAX_CANDIDATES) {
            throw new UsageException("--candidates " + from + ".." + to + ": more than " + MAX_CANDIDATES
                    + " candidates");
        }
        List<String> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(Long.toString(i));
        }
        return out;
    }

    /** One candidate per line, as written (a trailing CR dropped); blank lines are skipped. */
    private static List<String> lines(Path file) throws IOException {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String candidate = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (!candidate.isBlank()) {
                    out.add(candidate);
                }
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new UsageException("--candidates @" + file + ": no such file");
        }
    }

    private static List<String> checked(List<String> candidates, String spec) {
        if (candidates.isEmpty() || candidates.stream().anyMatch(String::isEmpty)) {
            throw new UsageException("--candidates '" + spec + "': give a range like 0..100, a comma list, or @FILE"
                    + " with one candidate per line (no empty candidates)");
        }
        if (candidates.size() > MAX_CANDIDATES) {
            throw new UsageException("--candidates: more than " + MAX_CANDIDATES + " candidates");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String c : candidates) {
            if (!seen.add(c)) {
                throw new UsageException("--candidates: '" + c + "' appears twice");
            }
        }
        return candidates;
    }
}
