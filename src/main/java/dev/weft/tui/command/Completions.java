package dev.weft.tui.command;

import java.util.ArrayList;
import java.util.List;

/**
 * What can come next on a {@code :} line, given the words before the cursor. File arguments
 * are left to the line reader's file-name completion ({@link Kind#FILE}). Where a backend goes
 * ({@code :compare}, {@code :set backend}, after {@code --vs}), the names the model picker lists
 * and {@code embedded:} and {@code gguf:}, then a file after either prefix.
 */
public final class Completions {
    public enum Kind { WORDS, FILE, NONE }

    /** The candidates and their kind; for a file, {@code prefix} is the start of the word before the path. */
    public record Candidates(Kind kind, List<String> words, String prefix) {
        public Candidates(Kind kind, List<String> words) {
            this(kind, words, "");
        }
    }

    /** The prefixes of a backend named by what it is made of: another corpus, a model file. */
    public static final List<String> BACKEND_PREFIXES = List.of("embedded:", "gguf:");

    private Completions() {}

    /**
     * @param before the complete words before the one being typed
     * @param themes theme names; {@code backends} backend names
     */
    public static Candidates after(List<String> before, List<String> themes, List<String> backends) {
        return after(before, "", themes, backends);
    }

    /** @param word the start of the word being completed */
    public static Candidates after(List<String> before, String word, List<String> themes, List<String> backends) {
        if (!before.isEmpty() && isBackendSlot(before)) {
            for (String prefix : BACKEND_PREFIXES) {
                if (word.startsWith(prefix)) {
                    return new Candidates(Kind.FILE, List.of(), prefix);
                }
            }
            List<String> names = new ArrayList<>(backends);
            BACKEND_PREFIXES.stream().filter(p -> !names.contains(p)).forEach(names::add);
            return new Candidates(Kind.WORDS, names);
        }
        if (before.isEmpty()) {
            List<String> names = new ArrayList<>();
            CommandParser.COMMANDS.forEach(s -> names.add(s.name()));
            return new Candidates(Kind.WORDS, names);
        }
        String command = CommandParser.canonical(CommandParser.COMMANDS, before.get(0).replaceFirst("^:", ""));
        if (command == null) {
            return new Candidates(Kind.NONE, List.of());
        }
        if (command.equals("set")) {
            if (before.size() == 1) {
                return new Candidates(Kind.WORDS, CommandParser.SET_KEYS.stream().map(CommandParser.Syntax::name).toList());
            }
            if (before.size() == 2) {
                String key = CommandParser.canonical(CommandParser.SET_KEYS, before.get(1));
                if (key == null) {
                    return new Candidates(Kind.NONE, List.of());
                }
                return switch (key) {
                    case "theme" -> new Candidates(Kind.WORDS, themes);
                    case "backend" -> new Candidates(Kind.WORDS, backends); // reached only through isBackendSlot
                    case "colors" -> new Candidates(Kind.WORDS, List.of("none", "16", "256", "truecolor"));
                    case "seed" -> new Candidates(Kind.WORDS, List.of("none"));
                    default -> new Candidates(Kind.NONE, List.of());
                };
            }
            return new Candidates(Kind.NONE, List.of());
        }
        if (command.equals("compare")) {
            return new Candidates(Kind.NONE, List.of());
        }
        boolean takesFile = switch (command) {
            case "write", "saveas", "open", "export", "compare-file" -> true;
            default -> false;
        };
        return new Candidates(takesFile && before.size() == 1 ? Kind.FILE : Kind.NONE, List.of());
    }

    /** Whether a backend's name goes next: after :compare, :set backend, or --vs of :dist or :sweep. */
    private static boolean isBackendSlot(List<String> before) {
        String command = CommandParser.canonical(CommandParser.COMMANDS, before.get(0).replaceFirst("^:", ""));
        if (command == null) {
            return false;
        }
        if (command.equals("compare") && before.size() == 1) {
            return true;
        }
        if (command.equals("set") && before.size() == 2) {
            return "backend".equals(CommandParser.canonical(CommandParser.SET_KEYS, before.get(1)));
        }
        return before.size() >= 2 && before.get(before.size() - 1).equals("--vs")
                && (command.equals("dist") || command.equals("sweep"));
    }
}
