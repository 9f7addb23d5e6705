package dev.weft.tui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * File-name completion for the {@code :} line's path arguments: the entries of the word's
 * directory that begin with its last part, directories with a '/' after them, hidden files
 * only when the part begins with '.'. {@code ~/} is {@code $HOME}, as {@code :w} reads it.
 */
final class FileNames {
    private static final int MOST = 200;
    private final Path workingDir;
    private final Path home;

    FileNames(Path workingDir, Path home) {
        this.workingDir = workingDir;
        this.home = home;
    }

    List<String> complete(String word) {
        int slash = word.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : word.substring(0, slash + 1);
        String namePart = word.substring(slash + 1);
        Path dir = dirPart.isEmpty() ? workingDir
                : dirPart.startsWith("~/") && home != null ? home.resolve(dirPart.substring(2))
                : workingDir.resolve(dirPart);
        List<String> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.limit(10_000).forEach(p -> {
                String name = p.getFileName().toString();
                if (name.startsWith(namePart) && (namePart.startsWith(".") || !name.startsWith("."))) {
                    out.add(dirPart + name + (Files.isDirectory(p) ? "/" : ""));
                }
            });
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        out.sort(null);
        return out.size() > MOST ? out.subList(0, MOST) : out;
    }
}
