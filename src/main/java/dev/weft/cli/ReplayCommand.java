package dev.weft.cli;

import dev.weft.replay.Recording;
import dev.weft.replay.Replay;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay a session's recording (its journal) step by step: every prompt, completion, swap,",
                "edit and move, from the recorded responses; no backend is called."})
final class ReplayCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A session file (its journal FILE.journal beside it is the recording).")
    Path file;

    @Option(names = "--headless", description = "Print the steps as text (or JSON with --json) instead of playing them.")
    boolean headless;

    @Mixin OutputOptions output;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!headless) {
            throw new UsageException("the full-screen player is not built into this weft yet; use --headless");
        }
        Recording recording = Recording.open(file);
        PrintWriter err = spec.commandLine().getErr();
        recording.warnings().forEach(w -> err.println("weft: " + w));
        Replay replay = Replay.of(recording);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(StepsPrinter.json(replay));
        } else {
            StepsPrinter.text(replay, out);
        }
        if (!replay.rebuildsTheSession()) {
            err.println("weft: " + file + ": replaying the journal does not rebuild the tree the file holds");
            return 1;
        }
        return 0;
    }
}
