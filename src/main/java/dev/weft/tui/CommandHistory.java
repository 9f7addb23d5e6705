package dev.weft.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code :} line's history and names: the history file is JLine's format ({@code
 * millis:line}, newlines and backslashes escaped), in {@code $XDG_STATE_HOME/weft/history},
 * so the lines typed with earlier versions (read with JLine) are still there. A history that
 * cannot be read or written is no reason to refuse a command: the line still runs.
 */
final class CommandHistory implements CommandLineSource {
    private static final int KEEP = 1000;

    private final Path file;
    private final Clock clock;
    private final Supplier<List<String>> themes;
    private final Supplier<List<String>> backends;
    private final FileNames files;
    private List<String> lines;

    CommandHistory(Path file, Clock clock, Supplier<List<String>> themes, Supplier<List<String>> backends, FileNames files) {
        this.file = file;
        this.clock = clock;
        this.themes = themes;
        this.backends = backends;
        this.files = files;
    }

    /** The history file by the XDG rules. */
    static Path historyPath(Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        Path state = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
        return state.resolve("weft").resolve("history");
    }

    @Override
    public List<String> history() {
        if (lines == null) {
            lines = new ArrayList<>(read(file));
        }
        return List.copyOf(lines);
    }

    @Override
    public void remember(String line) {
        List<String> h = new ArrayList<>(history());
        if (!h.isEmpty() && h.get(h.size() - 1).equals(line)) {
            return; // as JLine: a repeat of the last line is kept once
        }
        h.add(line);
        lines = h.size() > KEEP ? new ArrayList<>(h.subList(h.size() - KEEP, h.size())) : h;
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, clock.millis() + ":" + escape(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the line ran; only its place in the history is lost
        }
    }

    @Override
    public List<String> themes() {
        return themes.get();
    }

    @Override
    public List<String> backends() {
        return backends.get();
    }

    @Override
    public List<String> files(String word) {
        return files.complete(word);
    }

    /** The last {@value #KEEP} lines of a history file; a missing or unreadable file is an empty history. */
    static List<String> read(Path file) {
        List<String> out = new ArrayList<>();
        try {
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int colon = raw.indexOf(':');
                boolean stamped = colon > 0 && raw.substring(0, colon).chars().allMatch(Character::isDigit);
                String line = unescape(stamped ? raw.substring(colon + 1) : raw);
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return out.size() > KEEP ? out.subList(out.size() - KEEP, out.size()) : out;
    }

    static String escape(String line) {
        StringBuilder b = new StringBuilder();
        for (char c : line.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\\' -> b.append("\\\\");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
