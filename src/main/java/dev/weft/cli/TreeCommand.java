package dev.weft.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "tree", mixinStandardHelpOptions = true,
        description = {"The session's tree as indented text, one line per node.",
                "Each line: id, origin, token count, geometric-mean token probability and a preview;",
                "* marks a bookmark; deleted subtrees are left out."})
final class TreeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A session file.")
    Path file;

    @Option(names = "--width", paramLabel = "N", description = "Preview length in characters (default ${DEFAULT-VALUE}).")
    int width = TreeLines.DEFAULT_PREVIEW;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TreeLines.print(file, width, spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
