package dev.weft.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;

/**
 * The jar's entry point. What users wait for ({@code weft}, {@code weft FILE}, {@code weft --version})
 * runs from here without loading a picocli class: building its command tree costs most of a second,
 * and its class files are too old for AppCDS to archive. Everything else goes to {@link Main}.
 * This class names no picocli type, not even through {@link Main}: the verifier would load them.
 */
public final class Launcher {
    private Launcher() {
    }

    /** Every subcommand's name: a lone argument that is none of these (nor an option) is a session file. */
    static final Set<String> COMMANDS = Set.of("open", "generate", "score", "tree", "doctor", "multiverse", "dist",
            "sweep", "attractor", "stats", "compare", "replay", "export", "import", "models");

    public static void main(String[] args) {
        if (opensTheLoom(args)) {
            System.exit(OpenCommand.launch(args.length == 0 ? null : Path.of(args[0]), null,
                    new PrintWriter(System.err, true)));
        }
        if (printedTheVersion(args, System.out)) {
            System.exit(0);
        }
        if (printsATree(args)) {
            System.exit(tree(Path.of(args[1]), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
        }
        Main.main(args);
    }

    /** {@code weft} or {@code weft FILE}, as picocli would read them. */
    static boolean opensTheLoom(String[] args) {
        return args.length == 0
                || args.length == 1 && !args[0].isEmpty() && !args[0].startsWith("-") && !COMMANDS.contains(args[0]);
    }

    /** {@code weft tree FILE}, nothing else: what picocli would run as {@link TreeCommand} with its defaults. */
    static boolean printsATree(String[] args) {
        return args.length == 2 && args[0].equals("tree") && !args[1].isEmpty() && !args[1].startsWith("-");
    }

    /** {@code weft tree FILE}, printed and reported as {@link Main} would: through the same filter, a failure in one line. */
    static int tree(Path file, PrintWriter out, PrintWriter err) {
        PrintWriter safeOut = new PrintWriter(new TerminalSafeWriter(out), true);
        PrintWriter safeErr = new PrintWriter(new TerminalSafeWriter(err), true);
        try {
            TreeLines.print(file, TreeLines.DEFAULT_PREVIEW, safeOut, safeErr);
            return 0;
        } catch (Exception e) { // as FailureReporter says it
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            safeErr.println("weft: " + message.lines().findFirst().orElse(message));
            return 1;
        } finally {
            safeOut.flush();
            safeErr.flush();
        }
    }

    /** {@code weft --version} or {@code weft -V}: prints the version line to {@code out} and says so. */
    static boolean printedTheVersion(String[] args, PrintStream out) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println(version());
            return true;
        }
        return false;
    }

    /** What {@code weft --version} prints: the version in the jar's manifest ("dev" from classes). */
    static String version() {
        String v = Launcher.class.getPackage().getImplementationVersion();
        return "weft " + (v == null ? "dev" : v);
    }
}
