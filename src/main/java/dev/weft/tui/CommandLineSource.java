package dev.weft.tui;

import java.util.List;

/**
 * What the {@code :} line needs from outside the pure update: its history (kept across runs),
 * the names Tab completes, and the files a path argument can name. The loop asks when the
 * line opens and on Tab, and answers before the next key.
 */
public interface CommandLineSource {
    /** Lines run before, oldest first. */
    List<String> history();

    /** Adds a line run now to the history. */
    void remember(String line);

    List<String> themes();

    List<String> backends();

    /** Paths that begin with {@code word} ({@code ~/} is the home directory); a directory ends in '/'. */
    List<String> files(String word);
}
