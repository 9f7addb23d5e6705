package dev.weft.tui.command;

import java.util.List;
import java.util.Locale;

/**
 * The {@code :} command language: a command word (vim's short forms work too) and its
 * arguments. {@link #COMMANDS} and {@link #SET_KEYS} also drive completion and help.
 */
public final class CommandParser {
    /** Each command with its aliases and what it takes, as help shows it. */
    public record Syntax(String name, List<String> aliases, String args, String about) {}

    public static final List<Syntax> COMMANDS = List.of(
            new Syntax("set", List.of("se"), "KEY VALUE", "set a sampling or display setting; alone: show them"),
            new Syntax("write", List.of("w", "save"), "[FILE]", "save the session (to FILE: save as)"),
            new Syntax("saveas", List.of("sav"), "FILE", "save the session to a new file and keep working there"),
            new Syntax("open", List.of("e", "edit"), "FILE", "open another session (this one is saved first)"),
            new Syntax("export", List.of(), "FILE", "write the text of the current path to FILE"),
            new Syntax("yank", List.of("y"), "[FILE]", "copy the path's text to the clipboard; to FILE (yank! FILE overwrites)"),
            new Syntax("compare", List.of("vs"), "BACKEND", "continue the path here and on BACKEND (a name the picker lists, embedded:CORPUS or gguf:FILE), side by side"),
            new Syntax("compare-file", List.of(), "FILE", "this session's tree and FILE's (say its replay), node by corresponding node"),
            new Syntax("dist", List.of(), "SPEC [--vs BACKEND]", "the probability of each candidate (0..100, a,b,c or @FILE) after the cursor; --vs: on a second backend too"),
            new Syntax("sweep", List.of(), "T1,T2,… [N] [--vs BACKEND]", "N samples (default 5) after the cursor at each temperature; --vs: on a second backend too"),
            new Syntax("tag", List.of(), "WORD…", "tag the node the status bar names (/tag:WORD finds tagged nodes); alone: its tags"),
            new Syntax("untag", List.of(), "WORD…", "remove tags from the node"),
            new Syntax("note", List.of(), "TEXT", "write the node's note (the tree marks it ※); alone: show it"),
            new Syntax("unnote", List.of(), "", "remove the node's note"),
            new Syntax("help", List.of("h"), "", "every key and command"),
            new Syntax("quit", List.of("q", "wq", "x", "exit"), "", "save and quit"));

    /** The keys of {@code :set}, with what they take. */
    public static final List<Syntax> SET_KEYS = List.of(
            new Syntax("temperature", List.of("temp", "t"), "T", "sampling temperature, 0 = greedy"),
            new Syntax("n", List.of(), "N", "completions per generation"),
            new Syntax("max-tokens", List.of("max"), "N", "tokens per completion"),
            new Syntax("top-p", List.of(), "P", "nucleus mass, 1 = off"),
            new Syntax("top-k", List.of(), "K", "keep the K likeliest tokens, 0 = off"),
            new Syntax("min-p", List.of(), "P", "drop tokens below P × the top probability, 0 = off"),
            new Syntax("top-logprobs", List.of("logprobs"), "K", "alternatives kept per token"),
            new Syntax("seed", List.of(), "S|none", "seed for reproducible sampling"),
            new Syntax("multiverse-depth", List.of("depth"), "N", "tokens the multiverse view (x) expands, and each zoom below its block"),
            new Syntax("multiverse-top-k", List.of("breadth"), "K", "next tokens the multiverse view expands at each block"),
            new Syntax("multiverse-floor", List.of("floor"), "P", "the multiverse view drops paths below P of the block zoomed into"),
            new Syntax("backend", List.of(), "NAME", "switch the model backend (a config profile, or embedded)"),
            new Syntax("theme", List.of(), "NAME", "switch the theme"),
            new Syntax("colors", List.of("colours"), "DEPTH", "colour depth: none, 16, 256 or truecolor (overrides the detected one)"));

    private CommandParser() {}

    /**
     * @throws IllegalArgumentException with a message for the user
     */
    public static Command parse(String line) {
        String text = line.strip();
        if (text.startsWith(":")) {
            text = text.substring(1).strip();
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty command: try :help");
        }
        String[] words = text.split("\\s+", 2);
        String rest = words.length > 1 ? words[1].strip() : "";
        boolean bang = words[0].endsWith("!") && words[0].length() > 1;
        if (bang) {
            words[0] = words[0].substring(0, words[0].length() - 1);
        }
        String name = canonical(COMMANDS, words[0].toLowerCase(Locale.ROOT));
        if (name == null) {
            throw new IllegalArgumentException("unknown command :" + words[0] + " (commands: "
                    + String.join(", ", COMMANDS.stream().map(Syntax::name).toList()) + ")");
        }
        return switch (name) {
            case "set" -> set(rest);
            case "write" -> rest.isEmpty() ? new Command.Save() : new Command.SaveAs(rest);
            case "saveas" -> new Command.SaveAs(required(rest, "saveas FILE"));
            case "open" -> new Command.Open(required(rest, "open FILE"));
            case "export" -> new Command.Export(required(rest, "export FILE"));
            case "dist" -> dist(required(rest, "dist 0..100 | a,b,c | @FILE [--vs BACKEND]"));
            case "sweep" -> sweep(required(rest, "sweep 0,0.7,1,1.4 [N] [--vs BACKEND]"));
            case "help" -> new Command.Help();
            case "yank" -> {
                if (bang && rest.isEmpty()) {
                    throw new IllegalArgumentException(":yank! FILE: name the file to write over");
                }
                yield new Command.Yank(rest.isEmpty() ? null : rest, bang);
            }
            case "tag" -> new Command.Tag(words(rest), true);
            case "untag" -> new Command.Tag(words(required(rest, "untag WORD…")), false);
            case "note" -> new Command.Note(rest, false);
            case "unnote" -> new Command.Note("", true);
            case "compare-file" -> new Command.CompareFile(required(rest, "compare-file FILE"));
            case "compare" -> new Command.Compare(required(rest, "compare PROFILE"));
            default -> new Command.Quit();
        };
    }

    private static Command set(String rest) {
        if (rest.isEmpty()) {
            return new Command.Set(null, null);
        }
        String[] kv = rest.split("\\s*[=\\s]\\s*", 2);
        String key = canonical(SET_KEYS, kv[0].toLowerCase(Locale.ROOT));
        if (key == null) {
            throw new IllegalArgumentException("unknown setting '" + kv[0] + "' (settings: "
                    + String.join(", ", SET_KEYS.stream().map(Syntax::name).toList()) + ")");
        }
        if (kv.length < 2 || kv[1].isBlank()) {
            throw new IllegalArgumentException(":set " + key + " needs a value: "
                    + SET_KEYS.stream().filter(s -> s.name().equals(key)).findFirst().orElseThrow().args());
        }
        return new Command.Set(key, kv[1].strip());
    }

    /** Default samples per temperature of {@code :sweep}. */
    public static final int SWEEP_SAMPLES = 5;

    /** The option that names a second backend for :dist and :sweep. */
    static final String VS = "--vs";

    /** {@code rest} split at {@code --vs NAME}: [before, NAME or null]. */
    private static String[] vs(String rest, String command) {
        int at = (" " + rest).lastIndexOf(" " + VS);
        if (at < 0) {
            return new String[] {rest, null};
        }
        String name = rest.substring(Math.min(rest.length(), at + VS.length())).strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException(":" + command + " --vs needs a backend: a name the picker (o) lists,"
                    + " embedded:CORPUS or gguf:FILE");
        }
        String before = rest.substring(0, Math.max(0, at)).strip();
        if (before.isEmpty()) {
            throw new IllegalArgumentException(":" + command + " needs its arguments before --vs");
        }
        return new String[] {before, name};
    }

    private static Command dist(String rest) {
        String[] split = vs(rest, "dist");
        return new Command.Dist(split[0], split[1]);
    }

    private static Command sweep(String all) {
        String[] split = vs(all, "sweep");
        String rest = split[0];
        String[] words = rest.split("\\s+");
        if (words.length > 2) {
            throw new IllegalArgumentException("usage: :sweep 0,0.7,1,1.4 [N] [--vs BACKEND]");
        }
        List<Double> temperatures = new java.util.ArrayList<>();
        for (String t : words[0].split(",")) {
            try {
                double v = Double.parseDouble(t.strip());
                if (!(v >= 0) || v > 100) {
                    throw new IllegalArgumentException(":sweep: temperature " + t + " is out of range");
                }
                temperatures.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(":sweep: '" + t + "' is not a temperature");
            }
        }
        int n = SWEEP_SAMPLES;
        if (words.length == 2) {
            try {
                n = Integer.parseInt(words[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(":sweep: '" + words[1] + "' is not a number of samples");
            }
            if (n < 1 || n > 100) {
                throw new IllegalArgumentException(":sweep: samples per temperature from 1 to 100, not " + n);
            }
        }
        return new Command.Sweep(temperatures, n, split[1]);
    }

    private static List<String> words(String rest) {
        return rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
    }

    /** The full name for a name or alias, or null. */
    static String canonical(List<Syntax> table, String word) {
        for (Syntax s : table) {
            if (s.name().equals(word) || s.aliases().contains(word)) {
                return s.name();
            }
        }
        return null;
    }

    private static String required(String arg, String usage) {
        if (arg.isEmpty()) {
            throw new IllegalArgumentException("usage: :" + usage);
        }
        return arg;
    }
}
