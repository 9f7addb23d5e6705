package dev.weft.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code weft} command: the TUI when given nothing, headless subcommands otherwise. */
@Command(name = "weft", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"A terminal loom: explore the multiverse of a language model's completions.", ""},
        subcommands = {OpenCommand.class, GenerateCommand.class, ScoreCommand.class, TreeCommand.class,
                DoctorCommand.class, MultiverseCommand.class, DistCommand.class, SweepCommand.class,
                AttractorCommand.class, StatsCommand.class, CompareCommand.class, ReplayCommand.class,
                ExportCommand.class, ImportCommand.class, ModelsCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 runtime failure, 2 bad usage.",
                "Run 'weft COMMAND --help' for a command's options; 'man -l man/weft.1' for the manual."})
public final class Main implements Callable<Integer> {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of failures.")
    boolean debug;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A session to open in the loom (default: a new one).")
    Path file;

    @Option(names = "--gguf", paramLabel = "MODEL", description = "Start the loom with this GGUF model file, run in process.")
    Path gguf;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Every subcommand's name (the fast path in {@link Launcher} needs them without loading picocli). */
    static final Set<String> COMMANDS = Launcher.COMMANDS;

    /** The commands and options; {@code weft}, {@code weft FILE} and {@code weft --version} start in {@link Launcher}. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs weft with the given streams and returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        // every command prints through these: nothing from a server or a file drives the terminal
        cli.setOut(new PrintWriter(new TerminalSafeWriter(out), true));
        cli.setErr(new PrintWriter(new TerminalSafeWriter(err), true));
        cli.setExecutionExceptionHandler(new FailureReporter());
        cli.setParameterExceptionHandler(new UsageErrorReporter());
        cli.setExpandAtFiles(false); // @FILE is an option value here (dist --candidates, attractor --perturbations)
        return cli.execute(args);
    }

    /** {@code weft} and {@code weft FILE}: the full-screen loom. */
    @Override
    public Integer call() {
        return OpenCommand.launch(file, null, null, gguf, spec.commandLine().getErr());
    }

    /** Whether --debug was given (it is inherited by every subcommand). */
    static boolean debug(CommandLine.Model.CommandSpec command) {
        return ((Main) command.root().userObject()).debug;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Launcher.version()};
        }
    }
}
