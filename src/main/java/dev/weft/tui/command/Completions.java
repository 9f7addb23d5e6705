package dev.weft.tui.command;

import java.util.ArrayList;
import java.util.List;

/**
 * What can come next on a {@code :} line, given the words before the cursor. File arguments
 * are left to the line reader's file-name completion ({@link Kind#FILE}).
 */
public final class Completions {
    public enum Kind { WORDS, FILE, NONE }

    /** The candidates and their kind. */
    public record Candidates(Kind kind, List<String> words) {}

    private Completions() {}

    /**
     * @param before the complete words before the one being typed
     * @param themes theme names; {@code backends} backend names
     */
    public static Candidates after(List<String> before, List<String> themes, List<String> backends) {
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
                    case "backend" -> new Candidates(Kind.WORDS, backends);
                    case "colors" -> new Candidates(Kind.WORDS, List.of("none", "16", "256", "truecolor"));
                    case "seed" -> new Candidates(Kind.WORDS, List.of("none"));
                    default -> new Candidates(Kind.NONE, List.of());
                };
            }
            return new Candidates(Kind.NONE, List.of());
        }
        if (command.equals("compare")) {
            return before.size() == 1 ? new Candidates(Kind.WORDS, backends) : new Candidates(Kind.NONE, List.of());
        }
        boolean takesFile = switch (command) {
            case "write", "saveas", "open", "export", "compare-file" -> true;
            default -> false;
        };
        return new Candidates(takesFile && before.size() == 1 ? Kind.FILE : Kind.NONE, List.of());
    }
}
