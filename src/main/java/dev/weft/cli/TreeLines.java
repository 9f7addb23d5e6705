package dev.weft.cli;

import dev.weft.loom.DisplayText;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.NodeId;
import dev.weft.session.SessionException;
import dev.weft.session.SessionStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines of {@code weft tree}: one per live node, depth first, each child under a
 * {@code ├─}/{@code └─} connector, with id, origin, token count, geometric-mean probability and a
 * preview. A 100,000-node tree is 100,000 lines: they are built in one buffer, without a format
 * string per line, and written in large pieces; the walk keeps its own stack (a chain of
 * thousands of nodes is as deep).
 */
final class TreeLines {
    /** The preview's length in characters when {@code --width} does not say. */
    static final int DEFAULT_PREVIEW = 60;
    /** Written to the output whenever the buffer holds this many characters. */
    private static final int CHUNK = 1 << 16;
    private static final String NEWLINE = System.lineSeparator();

    private final Node[] byId;
    private final int preview;

    /**
     * What {@code weft tree FILE} prints: the warnings opening the session gave to {@code err}, the
     * trees to {@code out}. It runs from {@link Launcher} without picocli (most of a second to
     * start) as well as from {@link TreeCommand}.
     *
     * @param width the preview's length in characters (at least 8 are shown)
     */
    static void print(Path file, int width, PrintWriter out, PrintWriter err) throws SessionException, IOException {
        try (SessionStore store = SessionStore.openReadOnlyWithoutAlternatives(file)) {
            store.warnings().forEach(w -> err.println("weft: " + w));
            Loom loom = store.loom();
            List<NodeId> roots = loom.roots().stream().filter(r -> !loom.node(r).deleted()).toList();
            new TreeLines(loom, Math.max(8, width)).print(roots, out);
            if (roots.isEmpty()) {
                out.println("(empty session)");
            }
        }
    }

    /** @param preview the preview's length in characters (8 at least) */
    TreeLines(Loom loom, int preview) {
        this.byId = new Node[loom.nextId()];
        for (Node n : loom.nodes()) {
            byId[n.id().value()] = n;
        }
        this.preview = preview;
    }

    /** Prints the trees under {@code roots} (live roots, in order) to {@code out}. */
    void print(List<NodeId> roots, PrintWriter out) {
        StringBuilder text = new StringBuilder(CHUNK + 1024);
        StringBuilder lead = new StringBuilder(); // the connectors of the current node's ancestors
        List<Level> stack = new ArrayList<>();
        for (NodeId root : roots) {
            line(text, "", byId[root.value()]);
            stack.add(new Level(liveChildren(byId[root.value()]), 0));
            while (!stack.isEmpty()) {
                Level level = stack.get(stack.size() - 1);
                if (level.next == level.children.size()) {
                    stack.remove(stack.size() - 1);
                    if (!stack.isEmpty()) {
                        lead.setLength(lead.length() - 3);
                    }
                    continue;
                }
                Node child = byId[level.children.get(level.next++).value()];
                boolean last = level.next == level.children.size();
                int at = lead.length();
                lead.append(last ? "└─ " : "├─ ");
                line(text, lead, child);
                lead.setLength(at);
                lead.append(last ? "   " : "│  ");
                stack.add(new Level(liveChildren(child), 0));
                if (text.length() >= CHUNK) {
                    out.write(text.toString());
                    text.setLength(0);
                }
            }
        }
        out.write(text.toString());
        out.flush();
    }

    private static final class Level {
        final List<NodeId> children;
        int next;

        Level(List<NodeId> children, int next) {
            this.children = children;
            this.next = next;
        }
    }

    private List<NodeId> liveChildren(Node node) {
        List<NodeId> out = new ArrayList<>(node.children().size());
        for (NodeId c : node.children()) {
            if (!byId[c.value()].deleted()) {
                out.add(c);
            }
        }
        return out;
    }

    /** {@code LEAD#ID[*] ORIGIN TOKENS tok p 0.NN  "PREVIEW"}, as {@code "%s%s%s %-6s %4d tok %s  %s%n"} would write it. */
    private void line(StringBuilder text, CharSequence lead, Node node) {
        text.append(lead).append('#').append(node.id().value());
        if (node.bookmarked()) {
            text.append('*');
        }
        text.append(' ');
        String origin = node.origin().label();
        text.append(origin);
        for (int i = origin.length(); i < 6; i++) {
            text.append(' ');
        }
        text.append(' ');
        String count = Integer.toString(node.tokens().size());
        for (int i = count.length(); i < 4; i++) {
            text.append(' ');
        }
        text.append(count).append(" tok ");
        NodeFigures figures = NodeFigures.of(node.tokens());
        if (figures.scored() == 0) {
            text.append("     -");
        } else {
            text.append("p ");
            twoDecimals(text, figures.meanProbability());
        }
        text.append("  \"");
        String safe = DisplayText.token(node.text());
        if (safe.length() > preview) {
            text.append(safe, 0, preview - 1).append('…');
        } else {
            text.append(safe);
        }
        text.append('"').append(NEWLINE);
    }

    /**
     * {@code x} as {@code String.format(Locale.ROOT, "%.2f", x)} writes it, without a formatter: the
     * formatter rounds half up, so away from a half-way point (where it is asked) rounding x·100 to
     * the nearest integer gives the same digits.
     */
    static void twoDecimals(StringBuilder out, double x) {
        double hundredths = x * 100;
        double fraction = hundredths - Math.floor(hundredths);
        if (!(x >= 0 && x < 1e15) || Math.abs(fraction - 0.5) < 1e-6) {
            out.append(String.format(Locale.ROOT, "%.2f", x));
            return;
        }
        long n = (long) Math.floor(hundredths + 0.5);
        out.append(n / 100).append('.');
        long cents = n % 100;
        if (cents < 10) {
            out.append('0');
        }
        out.append(cents);
    }
}
