package dev.weft.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The candidate answers of a distribution, as {@code weft dist --candidates} and the TUI's
 * {@code :dist} read them: an integer range {@code 0..100}, a comma list, or the lines of a file
 * (read by the caller). Every problem is an IllegalArgumentException with a message for the user.
 */
public final class CandidateSet {
    public static final int MAX_CANDIDATES = 10_000;
    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)");

    private CandidateSet() {}

    /** An integer range like {@code 0..100} or a comma list like {@code red,green,blue}. */
    public static List<String> parse(String spec) {
        Matcher range = RANGE.matcher(spec.strip());
        if (range.matches()) {
            return range(spec, Long.parseLong(range.group(1)), Long.parseLong(range.group(2)));
        }
        List<String> out = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            out.add(part.strip());
        }
        return checked(out, spec);
    }

    /** One candidate per line, as written (a trailing CR dropped); blank lines are skipped. */
    public static List<String> fromLines(List<String> lines, String source) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String candidate = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!candidate.isBlank()) {
                out.add(candidate);
            }
        }
        return checked(out, source);
    }

    private static List<String> range(String spec, long from, long to) {
        if (to < from) {
            throw new IllegalArgumentException(spec + ": the range is reversed");
        }
        if (to - from + 1 > MAX_CANDIDATES) {
            throw new IllegalArgumentException(spec + ": more than " + MAX_CANDIDATES + " candidates");
        }
        List<String> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(Long.toString(i));
        }
        return out;
    }

    private static List<String> checked(List<String> candidates, String where) {
        if (candidates.isEmpty() || candidates.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(where + ": give a range like 0..100, a comma list, or @FILE with one"
                    + " candidate per line (no empty candidates)");
        }
        if (candidates.size() > MAX_CANDIDATES) {
            throw new IllegalArgumentException(where + ": more than " + MAX_CANDIDATES + " candidates");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String c : candidates) {
            if (!seen.add(c)) {
                throw new IllegalArgumentException(where + ": '" + c + "' appears twice");
            }
        }
        return List.copyOf(candidates);
    }
}
