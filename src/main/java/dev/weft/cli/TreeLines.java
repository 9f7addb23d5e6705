package dev.weft.cli;

import dev.weft.session.SessionException;
import dev.weft.session.TreeOutline;
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
 * thousands of nodes is as deep). They come from the session's {@link TreeOutline}, which a big
 * version-2 file gives without building its loom.
 */
final class TreeLines {
    /** The preview's length in characters when {@code --width} does not say. */
    static final int DEFAULT_PREVIEW = 60;
    /** Written to the output whenever the buffer holds this many characters. */
    private static final int CHUNK = 1 << 16;
    private static final String NEWLINE = System.lineSeparator();

    private final TreeOutline.Line[] byId;
    private final int preview;

    /**
     * What {@code weft tree FILE} prints: the warnings opening the session gave to {@code err}, the
     * trees to {@code out}. It runs from {@link Launcher} without picocli (most of a second to
     * start) as well as from {@link TreeCommand}.
     *
     * @param width the preview's length in characters (at least 8 are shown)
     */
    static void print(Path file, int width, PrintWriter out, PrintWriter err) throws SessionException, IOException {
        int preview = Math.max(8, width);
        TreeOutline outline = TreeOutline.read(file, preview);
        outline.warnings().forEach(w -> err.println("weft: " + w));
        List<Integer> roots = new ArrayList<>();
        for (int r : outline.roots()) {
            if (!outline.byId()[r].deleted()) {
                roots.add(r);
            }
        }
        new TreeLines(outline, preview).print(roots, out);
        if (roots.isEmpty()) {
            out.println("(empty session)");
        }
    }

    /** @param preview the preview's length in characters (8 at least) */
    TreeLines(TreeOutline outline, int preview) {
        this.byId = outline.byId();
        this.preview = preview;
    }

    /** Prints the trees under {@code roots} (live roots, in order) to {@code out}. */
    void print(List<Integer> roots, PrintWriter out) {
        StringBuilder text = new StringBuilder(CHUNK + 1024);
        StringBuilder lead = new StringBuilder(); // the connectors of the current node's ancestors
        List<Level> stack = new ArrayList<>();
        for (int root : roots) {
            line(text, "", byId[root]);
            stack.add(new Level(liveChildren(byId[root]), 0));
            while (!stack.isEmpty()) {
                Level level = stack.get(stack.size() - 1);
                if (level.next == level.children.length) {
                    stack.remove(stack.size() - 1);
                    if (!stack.isEmpty()) {
                        lead.setLength(lead.length() - 3);
                    }
                    continue;
                }
                TreeOutline.Line child = byId[level.children[level.next++]];
                boolean last = level.next == level.children.length;
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
        final int[] children;
        int next;

        Level(int[] children, int next) {
            this.children = children;
            this.next = next;
        }
    }

    private int[] liveChildren(TreeOutline.Line node) {
        int[] out = new int[node.children().length];
        int n = 0;
        for (int c : node.children()) {
            if (!byId[c].deleted()) {
                out[n++] = c;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** {@code LEAD#ID[*] ORIGIN TOKENS tok p 0.NN  "PREVIEW"}, as {@code "%s%s%s %-6s %4d tok %s  %s%n"} would write it. */
    private void line(StringBuilder text, CharSequence lead, TreeOutline.Line node) {
        text.append(lead).append('#').append(node.id());
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
        String count = Integer.toString(node.tokens());
        for (int i = count.length(); i < 4; i++) {
            text.append(' ');
        }
        text.append(count).append(" tok ");
        if (node.scored() == 0) {
            text.append("     -");
        } else {
            text.append("p ");
            twoDecimals(text, node.meanProbability());
        }
        text.append("  \"").append(node.preview(preview)).append('"').append(NEWLINE);
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
