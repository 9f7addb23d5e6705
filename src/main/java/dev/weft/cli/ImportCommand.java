package dev.weft.cli;

import dev.weft.exchange.ImportedNode;
import dev.weft.exchange.ImportedTree;
import dev.weft.exchange.TreeImport;
import dev.weft.session.SessionStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Make a weft session of a tree from another loom: socketteer/loom, logitloom or Exoloom.",
                "The format is recognised from the content: socketteer/loom's tree files (with their per-token"
                        + " data, new or old layout), logitloom's saved trees, Exoloom's export. What cannot be"
                        + " carried over is reported, naming the place in the file."})
final class ImportCommand implements Callable<Integer> {
    private static final String SUFFIX = ".weft.json";

    @Parameters(paramLabel = "FILE", description = "The foreign tree file (JSON).")
    Path file;

    @Option(names = "--out", paramLabel = "SESSION",
            description = "The session to write (must not exist; default: FILE with its extension replaced by "
                    + SUFFIX + ").")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path target = out != null ? out : defaultTarget(file);
        if (Files.exists(target)) {
            throw new UsageException(target + " exists; choose another name with --out");
        }
        ImportedTree tree = TreeImport.read(file, Instant.now());
        try (SessionStore store = SessionStore.openOrCreate(target)) {
            TreeImport.record(tree, store);
            store.save();
        }
        PrintWriter err = spec.commandLine().getErr();
        tree.warnings().forEach(w -> err.println("weft: " + file + ": " + w));
        long scored = tree.nodes().stream().filter(ImportCommand::hasScores).count();
        spec.commandLine().getOut().println("imported a " + tree.format() + " tree from " + file + " into " + target
                + ": " + tree.nodes().size() + " nodes, " + scored + " with token probabilities");
        return 0;
    }

    private static boolean hasScores(ImportedNode node) {
        for (int i = 0; i < node.tokens().size(); i++) {
            if (!Double.isNaN(node.tokens().logprob(i))) {
                return true;
            }
        }
        return false;
    }

    private static Path defaultTarget(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + SUFFIX);
    }
}
