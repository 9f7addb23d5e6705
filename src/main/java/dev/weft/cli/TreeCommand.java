package dev.weft.cli;

import dev.weft.loom.DisplayText;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.NodeId;
import dev.weft.session.SessionStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
    private static final int DEFAULT_PREVIEW = 60;

    @Parameters(paramLabel = "FILE", description = "A session file.")
    Path file;

    @Option(names = "--width", paramLabel = "N", description = "Preview length in characters (default ${DEFAULT-VALUE}).")
    int width = DEFAULT_PREVIEW;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (SessionStore store = SessionStore.openReadOnly(file)) {
            store.warnings().forEach(w -> spec.commandLine().getErr().println("weft: " + w));
            Loom loom = store.loom();
            List<NodeId> roots = loom.roots().stream().filter(r -> !loom.node(r).deleted()).toList();
            for (NodeId root : roots) {
                print(out, loom, root, "", "");
            }
            if (roots.isEmpty()) {
                out.println("(empty session)");
            }
        }
        return 0;
    }

    private void print(PrintWriter out, Loom loom, NodeId id, String lead, String childLead) {
        Node node = loom.node(id);
        NodeFigures figures = NodeFigures.of(node.tokens());
        String probability = figures.scored() == 0 ? "     -" : String.format(Locale.ROOT, "p %.2f", figures.meanProbability());
        out.printf(Locale.ROOT, "%s%s%s %-6s %4d tok %s  %s%n", lead, node.id(), node.bookmarked() ? "*" : "",
                node.origin().label(), node.tokens().size(), probability, preview(node.text()));
        List<NodeId> children = loom.liveChildren(id);
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            print(out, loom, children.get(i), childLead + (last ? "└─ " : "├─ "), childLead + (last ? "   " : "│  "));
        }
    }

    private String preview(String text) {
        String safe = DisplayText.token(text);
        int limit = Math.max(8, width);
        return "\"" + (safe.length() > limit ? safe.substring(0, limit - 1) + "…" : safe) + "\"";
    }
}
