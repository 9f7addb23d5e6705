package dev.weft.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's perturbations for {@code weft attractor --perturbations @FILE}: one per line, each the
 * completion rewritten up to where the model should take over. A line break inside is written
 * {@code \n}, a backslash {@code \\}. Blank lines are skipped.
 */
final class EditFile {
    private EditFile() {}

    static List<String> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("--perturbations @" + file + ": no such file");
        }
        List<String> edits = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("\r$", "");
            if (!line.isBlank()) {
                edits.add(unescape(line, file, i + 1));
            }
        }
        if (edits.isEmpty()) {
            throw new UsageException("--perturbations @" + file + ": no edits in the file");
        }
        return edits;
    }

    static String unescape(String line, Path file, int number) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = i + 1 < line.length() ? line.charAt(i + 1) : ' ';
            if (next == 'n') {
                out.append('\n');
            } else if (next == '\\') {
                out.append('\\');
            } else {
                throw new UsageException(file + ":" + number + ": write a line break as \\n and a backslash as \\\\");
            }
            i++;
        }
        return out.toString();
    }
}
