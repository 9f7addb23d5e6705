package dev.weft.tui;

import dev.weft.tui.command.Completions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The {@code :} command line, read with JLine while the full screen is stopped: Tab completes
 * commands, settings, theme and backend names and file names; history is kept across runs in
 * {@code $XDG_STATE_HOME/weft/history}. JLine holds the terminal only for the one line.
 */
final class JLineCommandLine implements CommandLineReader {
    private final Path history;
    private final Supplier<List<String>> themes;
    private final Supplier<List<String>> backends;

    JLineCommandLine(Path history, Supplier<List<String>> themes, Supplier<List<String>> backends) {
        this.history = history;
        this.themes = themes;
        this.backends = backends;
    }

    /** The history file by the XDG rules. */
    static Path historyPath(Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        Path state = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
        return state.resolve("weft").resolve("history");
    }

    @Override
    public String read() throws IOException {
        return read("");
    }

    @Override
    public String read(String typedAhead) throws IOException {
        Files.createDirectories(history.getParent());
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("weft")
                    .completer(new CommandCompleter())
                    .variable(LineReader.HISTORY_FILE, history)
                    .variable(LineReader.HISTORY_SIZE, 1000)
                    .build();
            try {
                String line = reader.readLine(":", null, typedAhead);
                reader.getHistory().save();
                return line == null || line.isBlank() ? null : line;
            } catch (UserInterruptException | EndOfFileException e) {
                return null;
            } finally {
                eraseThePromptLine(terminal);
            }
        }
    }

    /** The line stays behind in the terminal's normal screen, where the user would meet it after quitting. */
    private static void eraseThePromptLine(Terminal terminal) {
        terminal.puts(InfoCmp.Capability.cursor_up);
        terminal.puts(InfoCmp.Capability.carriage_return);
        terminal.puts(InfoCmp.Capability.clr_eol);
        terminal.flush();
    }

    /** Completion from {@link Completions}, with JLine's own file-name completion for file arguments. */
    private final class CommandCompleter implements Completer {
        private final Completer files = new Completers.FileNameCompleter();

        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            List<String> before = new ArrayList<>(line.words().subList(0, line.wordIndex()));
            Completions.Candidates next = Completions.after(before, themes.get(), backends.get());
            switch (next.kind()) {
                case WORDS -> next.words().forEach(w -> candidates.add(new Candidate(w)));
                case FILE -> files.complete(reader, line, candidates);
                case NONE -> { }
            }
        }
    }
}
