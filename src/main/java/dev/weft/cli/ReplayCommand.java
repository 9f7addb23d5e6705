package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.LanguageModel;
import dev.weft.replay.Recording;
import dev.weft.replay.Replay;
import dev.weft.replay.RerunReport;
import dev.weft.replay.Rerun;
import dev.weft.session.SessionStore;
import dev.weft.tui.PlayerApp;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay a session's recording step by step, or replay it against another backend.",
                "Every prompt, completion, swap, edit and move comes from the recording (the journal beside the"
                        + " file); no backend is called. Full screen, the player plays, pauses, steps, jumps and"
                        + " changes speed, and T takes over: a live session from that step. With --against, every"
                        + " recorded request goes again to another backend and the second tree to --out, with a"
                        + " report per step of where the new model's text made a swap or edit land elsewhere."})
final class ReplayCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE",
            description = "A session file (its journal FILE.journal beside it is the recording).")
    Path file;

    @Option(names = "--headless",
            description = "Print the steps as text (or JSON with --json) instead of playing them.")
    boolean headless;

    @Option(names = "--against", paramLabel = "PROFILE",
            description = "Re-issue every recorded request to this config profile ('embedded' for the embedded model).")
    String against;

    @Option(names = "--out", paramLabel = "FILE2",
            description = "With --against: the new session file (must not exist).")
    Path out;

    @Option(names = "--seed", paramLabel = "S",
            description = "With --against: use this seed instead of the recorded ones.")
    Long seed;

    @Option(names = "--colors", paramLabel = "DEPTH",
            description = "The player's colours: none, 16, 256 or truecolor (default: as the loom's).")
    String colors;

    @Mixin EmbeddedOptions embedded;
    @Option(names = "--json", description = "With --headless or --against: print one JSON object.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (against == null && (out != null || seed != null)) {
            throw new UsageException("--out and --seed go with --against PROFILE");
        }
        if (against != null) {
            return against();
        }
        if (!headless) {
            return play();
        }
        Replay replay = Replay.of(open());
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(StepsPrinter.json(replay));
        } else {
            StepsPrinter.text(replay, stdout);
        }
        if (!replay.rebuildsTheSession()) {
            spec.commandLine().getErr().println("weft: " + file
                    + ": replaying the journal does not rebuild the tree the file holds");
            return 1;
        }
        return 0;
    }

    /** The full-screen player; taking over opens the loom on the new session. */
    private int play() {
        PrintWriter err = spec.commandLine().getErr();
        PlayerApp.Outcome outcome = PlayerApp.run(new PlayerApp.Launch(file, ModelOptions.configPath(), colors),
                System.getenv(), err);
        if (outcome.forked() == null) {
            return outcome.exit();
        }
        err.println("weft: took over in " + outcome.forked());
        return OpenCommand.launch(outcome.forked(), colors, err);
    }

    private int against() throws Exception {
        if (out == null) {
            throw new UsageException("--against needs --out FILE2, the session to write");
        }
        if (Files.exists(out)) {
            throw new UsageException(out + " exists; choose another name for the new session");
        }
        Recording recording = open();
        Replay.of(recording); // refuse a recording that does not replay before asking any model
        PrintWriter err = spec.commandLine().getErr();
        RerunReport report;
        try (LanguageModel model = ModelOptions.openProfile(against, embedded, err, Main.debug(spec));
             SessionStore target = SessionStore.openOrCreate(out)) {
            try {
                report = Rerun.run(recording, model, target, new Rerun.Settings(against, seed), Clock.systemUTC());
            } finally {
                target.save(); // a failed request leaves the steps before it, as a session of its own
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            ObjectNode json = RerunPrinter.json(report);
            json.put("file", file.toString());
            json.put("out", out.toString());
            stdout.println(json);
        } else {
            stdout.println("replayed " + file + " against " + against + " into " + out);
            RerunPrinter.text(report, stdout);
            stdout.println("compare the two trees with: weft compare " + file + " " + out);
        }
        return 0;
    }

    private Recording open() throws Exception {
        Recording recording = Recording.open(file);
        recording.warnings().forEach(w -> spec.commandLine().getErr().println("weft: " + w));
        return recording;
    }
}
