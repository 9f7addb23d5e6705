package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseExpansion;
import dev.weft.analysis.MultiverseNode;
import dev.weft.analysis.MultiverseSettings;
import dev.weft.analysis.NextTokens;
import dev.weft.loom.DisplayText;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "multiverse", mixinStandardHelpOptions = true,
        description = {"Expand the most probable continuations of PROMPT breadth-first and draw them as a block "
                + "multiverse: one column per token, each block as tall as the probability of its path."})
final class MultiverseCommand implements Callable<Integer> {
    @Mixin OutputOptions output;
    @Mixin ModelOptions modelOptions;
    @Mixin VsOption vs;
    @Mixin WidthOption width;

    @Option(names = "--depth", paramLabel = "D", description = "Tokens to expand (default ${DEFAULT-VALUE}).")
    int depth = 4;

    @Option(names = "--top", paramLabel = "K",
            description = "Next tokens considered at each block (default ${DEFAULT-VALUE}).")
    int top = 5;

    @Option(names = "--min-prob", paramLabel = "P",
            description = "Prune paths less probable than P (default ${DEFAULT-VALUE}).")
    double minProbability = 0.001;

    @Option(names = "--zoom", paramLabel = "PATH",
            description = "Renormalise to a branch: child numbers from the top, e.g. 1.2 (the first block, then its"
                    + " second).")
    String zoom;

    @Option(names = "--height", paramLabel = "ROWS", description = "Rows of the plot (default ${DEFAULT-VALUE}).")
    int height = 24;

    @Option(names = "--paths", paramLabel = "N",
            description = "Most probable paths listed under the plot (default ${DEFAULT-VALUE}).")
    int paths = 10;

    @Parameters(paramLabel = "PROMPT", description = "The text to continue ('-' reads standard input).")
    String prompt;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MultiverseSettings settings = settings();
        List<Integer> zoomPath = zoomPath();
        String text = PromptInput.read(prompt);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean debug = Main.debug(spec);
        try (LanguageModel first = modelOptions.open(err, debug);
             LanguageModel second = vs.isSet() ? vs.open(modelOptions, err, debug) : null) {
            List<LanguageModel> models = second == null ? List.of(first) : List.of(first, second);
            List<Multiverse> results = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            for (LanguageModel model : models) {
                long start = System.nanoTime();
                Multiverse expanded = MultiverseExpansion.expand(NextTokens.of(model), Prompt.of(text), settings);
                seconds.add((System.nanoTime() - start) / 1e9);
                if (expanded.unexpanded() > 0) {
                    err.println("weft multiverse: " + model.backend() + ": " + expanded.unexpandedNote());
                }
                results.add(zoomed(expanded, zoomPath));
            }
            if (output.json) {
                ObjectNode root = TokenJson.MAPPER.createObjectNode();
                root.put("prompt", text);
                root.put("depth", settings.depth());
                root.put("top", settings.top());
                root.put("min_prob", settings.minProbability());
                ArrayNode runs = root.putArray("runs");
                for (int i = 0; i < models.size(); i++) {
                    runs.add(MultiverseJson.run(models.get(i), results.get(i), seconds.get(i)));
                }
                out.println(root);
            } else {
                printPlots(out, text, models, results, seconds);
            }
        }
        return 0;
    }

    private void printPlots(PrintWriter out, String text, List<LanguageModel> models, List<Multiverse> results,
                            List<Double> seconds) {
        AnsiSpectrum spectrum = new AnsiSpectrum(output.colorDepth());
        int columns = width.columns();
        out.println(TextWidth.fit(DisplayText.token(text), columns));
        int side = models.size() == 1 ? columns : SideBySide.half(columns);
        List<List<String>> blocks = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            List<String> lines = new ArrayList<>();
            lines.add(TextWidth.pad(models.get(i).backend() + " · " + models.get(i).model(), side));
            Multiverse m = results.get(i);
            if (!m.branch().isEmpty()) {
                lines.add(TextWidth.pad("zoomed to " + tokens(m.branch().stream().map(p -> p.text()).toList())
                        + " (" + Percent.of(m.branchProbability()) + ")", side));
            }
            lines.addAll(BlockPlot.lines(m, side, height, spectrum));
            lines.add(TextWidth.pad(String.format(Locale.ROOT, "unexplored %s · %d blocks · %.1f s",
                    Percent.of(m.unexploredMass()), m.nodeCount(), seconds.get(i)), side));
            lines.add(TextWidth.pad(settings(m, side), side));
            blocks.add(lines);
        }
        List<String> plot = blocks.size() == 1 ? blocks.get(0) : SideBySide.join(blocks.get(0), blocks.get(1), side);
        plot.forEach(line -> out.println(line.stripTrailing()));
        for (int i = 0; i < models.size(); i++) {
            out.println();
            out.println("most probable paths" + (models.size() == 1 ? "" : " · " + models.get(i).model()) + ":");
            List<Multiverse.Path> all = results.get(i).paths();
            for (Multiverse.Path path : all.subList(0, Math.min(paths, all.size()))) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%7s  ",
                        Percent.of(path.probability())));
                for (MultiverseNode step : path.steps()) {
                    line.append(spectrum.paint(DisplayText.token(step.piece().text()), step.probability()));
                }
                out.println(line);
            }
        }
    }

    private static String settings(Multiverse m, int side) {
        int shown = BlockPlot.depthsShown(m, side);
        String depths = shown < m.root().height() ? " (" + shown + " shown)" : "";
        return String.format(Locale.ROOT, "depth %d%s · top %d · min %s", m.settings().depth(), depths,
                m.settings().top(), Percent.of(m.settings().minProbability()));
    }

    private static String tokens(List<String> texts) {
        return DisplayText.token(String.join("", texts));
    }

    private MultiverseSettings settings() {
        if (height < 1) {
            throw new UsageException("--height must be at least 1, got " + height);
        }
        if (paths < 0) {
            throw new UsageException("--paths must be 0 or more, got " + paths);
        }
        try {
            return new MultiverseSettings(depth, top, minProbability);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** "1.2" → [0, 1]. */
    private List<Integer> zoomPath() {
        List<Integer> path = new ArrayList<>();
        if (zoom == null || zoom.isBlank()) {
            return path;
        }
        for (String part : zoom.split("\\.")) {
            try {
                int n = Integer.parseInt(part.strip());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                path.add(n - 1);
            } catch (NumberFormatException e) {
                throw new UsageException("--zoom takes child numbers from 1 joined by dots, e.g. 1.2; got '"
                        + zoom + "'");
            }
        }
        return path;
    }

    private static Multiverse zoomed(Multiverse m, List<Integer> path) {
        try {
            return m.zoom(path);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--zoom: " + e.getMessage());
        }
    }
}
