package dev.weft.tui;

import java.io.IOException;

/**
 * Reads one {@code :} command line while the full screen is stopped. The product uses JLine
 * (completion, history kept across runs); tests script the lines.
 */
@FunctionalInterface
public interface CommandLineReader {

    /** The line typed, or null when the user gave up (Ctrl-C, Ctrl-D, empty line). */
    String read() throws IOException;

    /** The same, starting from what the user typed before the reader was up (kept, not lost). */
    default String read(String typedAhead) throws IOException {
        String rest = read();
        String line = typedAhead + (rest == null ? "" : rest);
        return line.isBlank() ? null : line;
    }
}
