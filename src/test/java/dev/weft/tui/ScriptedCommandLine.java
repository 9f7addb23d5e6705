package dev.weft.tui;

import java.util.ArrayList;
import java.util.List;

/** The command line's outside world for tests: history in memory, fixed names, a small file tree. */
final class ScriptedCommandLine implements CommandLineSource {
    final List<String> history = new ArrayList<>();
    List<String> files = List.of("sessions/", "sessions/loom-1.json", "sessions/loom-2.json", "notes.txt");

    @Override
    public List<String> history() {
        return List.copyOf(history);
    }

    @Override
    public void remember(String line) {
        history.add(line);
    }

    @Override
    public List<String> themes() {
        return List.of("spectrum", "spectrum-256", "high-contrast", "monochrome");
    }

    @Override
    public List<String> backends() {
        return List.of("embedded", "local");
    }

    @Override
    public List<String> files(String word) {
        int slash = word.lastIndexOf('/');
        String dir = word.substring(0, slash + 1);
        return files.stream().filter(f -> f.startsWith(word))
                .filter(f -> f.substring(dir.length()).indexOf('/') < 0 || f.indexOf('/', dir.length()) == f.length() - 1)
                .toList();
    }
}
