package dev.weft.cli;

import dev.weft.session.Session;
import dev.weft.session.SessionStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Two sessions' trees side by side, node by corresponding node (paired by position, as a",
                "replay --against builds them), with each node's mean logprob, share of tokens with p > 0.99 and",
                "mean entropy of the reported top-k; then the same figures over all the model text of each."})
final class CompareCommand implements Callable<Integer> {
    private static final int DEFAULT_WIDTH = 110;

    @Parameters(index = "0", paramLabel = "FILE", description = "A session file.")
    Path left;

    @Parameters(index = "1", paramLabel = "FILE2",
            description = "Another session file, e.g. a replay of FILE against another model.")
    Path right;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--width", paramLabel = "N",
            description = "Line width of the text output (default ${DEFAULT-VALUE}).")
    int width = DEFAULT_WIDTH;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Session a = open(left);
        Session b = open(right);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ComparePrinter.json(left.toString(), a, right.toString(), b));
        } else {
            ComparePrinter.text(left.toString(), a, right.toString(), b, width, out);
        }
        return 0;
    }

    private Session open(Path file) throws Exception {
        try (SessionStore store = SessionStore.openReadOnly(file)) {
            store.warnings().forEach(w -> spec.commandLine().getErr().println("weft: " + w));
            return store.session();
        }
    }
}
