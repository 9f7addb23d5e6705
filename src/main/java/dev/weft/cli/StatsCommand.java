package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.AnalysisSummary;
import dev.weft.analysis.Diversity;
import dev.weft.analysis.LoomFigures;
import dev.weft.loom.DisplayText;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.NodeId;
import dev.weft.session.SessionStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"The collapse figures of a session: for every node its mean logprob, share of tokens with "
                + "p > 0.99 and mean top-k entropy; for every set of siblings also how different they are; and the "
                + ":dist and :sweep runs the session kept, one line each (with --json, their numbers)."})
final class StatsCommand implements Callable<Integer> {
    private static final int PREVIEW = 32;

    @Mixin OutputOptions output;

    @Parameters(paramLabel = "FILE", description = "A session file.")
    Path file;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (SessionStore store = SessionStore.openReadOnly(file)) {
            store.warnings().forEach(w -> spec.commandLine().getErr().println("weft: " + w));
            Loom loom = store.loom();
            LoomFigures figures = LoomFigures.of(loom);
            List<AnalysisRecord> analyses = store.session().analyses();
            if (output.json) {
                ObjectNode root = json(loom, figures);
                ArrayNode kept = root.putArray("analyses");
                analyses.forEach(a -> kept.add(AnalysisJson.of(a)));
                out.println(root);
            } else {
                print(out, loom, figures);
                if (!analyses.isEmpty()) {
                    out.printf(Locale.ROOT, "analyses (%d, oldest first):%n", analyses.size());
                    for (int i = 0; i < analyses.size(); i++) {
                        out.printf(Locale.ROOT, "%3d. %s%n", i + 1, AnalysisSummary.of(analyses.get(i)));
                    }
                }
            }
        }
        return 0;
    }

    private void print(PrintWriter out, Loom loom, LoomFigures figures) {
        out.printf(Locale.ROOT, "%s: %d nodes, %d sets of siblings%n", file, figures.nodes().size(),
                figures.siblingSets().size());
        out.printf(Locale.ROOT, "%-14s %-6s %6s %8s %7s %9s  %s%n", "node", "origin", "tokens", "mean lp", "p>0.99",
                "top-k H", "text");
        for (LoomFigures.NodeRow row : figures.nodes()) {
            String id = "  ".repeat(Math.min(row.depth(), 5)) + row.id();
            out.printf(Locale.ROOT, "%-14s %-6s %6d %s  %s%n", id, row.origin().label(),
                    loom.node(row.id()).tokens().size(), tokenFigures(row.figures()),
                    TextWidth.fit(DisplayText.token(loom.node(row.id()).text()), PREVIEW));
        }
        for (LoomFigures.SiblingRow set : figures.siblingSets()) {
            out.printf(Locale.ROOT, "siblings under %s (%d): %s · %s%n", set.parent(), set.children().size(),
                    diversity(set.figures().diversity()), tokenSummary(set.figures().pooled()));
        }
        out.println("whole session: " + tokenSummary(figures.whole()));
    }

    private static String tokenFigures(NodeFigures f) {
        if (f.scored() == 0) {
            return String.format(Locale.ROOT, "%8s %7s %9s", "–", "–", "–");
        }
        return String.format(Locale.ROOT, "%8.2f %7s %9s", f.meanLogprob(), Percent.of(f.shareConfident()),
                Percent.figure(f.meanEntropy()));
    }

    static String tokenSummary(NodeFigures f) {
        if (f.scored() == 0) {
            return "no scored tokens";
        }
        return String.format(Locale.ROOT, "mean logprob %.2f · p > 0.99 %s · mean top-k entropy %s nats",
                f.meanLogprob(), Percent.of(f.shareConfident()), Percent.figure(f.meanEntropy()));
    }

    static String diversity(Diversity d) {
        return String.format(Locale.ROOT,
                "distinct-1 %s · distinct-2 %s · edit distance %s · same first sentence %s",
                Percent.figure(d.distinct1()), Percent.figure(d.distinct2()), Percent.figure(d.meanEditDistance()),
                Percent.of(d.modalFirstSentenceShare()));
    }

    private ObjectNode json(Loom loom, LoomFigures figures) {
        ObjectNode root = TokenJson.MAPPER.createObjectNode();
        root.put("file", file.toString());
        ArrayNode nodes = root.putArray("nodes");
        for (LoomFigures.NodeRow row : figures.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("id", row.id().value());
            NodeId parent = loom.node(row.id()).parent();
            if (parent == null) {
                o.putNull("parent");
            } else {
                o.put("parent", parent.value());
            }
            o.put("depth", row.depth());
            o.put("origin", row.origin().label());
            o.put("tokens", loom.node(row.id()).tokens().size());
            o.set("figures", DiversityJson.of(row.figures()));
        }
        ArrayNode sets = root.putArray("sibling_sets");
        for (LoomFigures.SiblingRow set : figures.siblingSets()) {
            ObjectNode o = sets.addObject();
            o.put("parent", set.parent().value());
            ArrayNode children = o.putArray("children");
            set.children().forEach(c -> children.add(c.value()));
            o.set("figures", DiversityJson.of(set.figures().pooled()));
            o.set("diversity", DiversityJson.of(set.figures().diversity()));
        }
        root.set("whole", DiversityJson.of(figures.whole()));
        return root;
    }
}
