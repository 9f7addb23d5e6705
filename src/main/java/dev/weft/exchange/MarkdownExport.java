package dev.weft.exchange;

import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.NodeId;
import dev.weft.loom.Piece;
import dev.weft.loom.TokenRun;
import dev.weft.loom.Utf8;
import dev.weft.session.Session;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * A session as Markdown, for reading and sharing: the whole tree as nested sections (deleted
 * subtrees left out), or one path as a single text. A token the model gave less than even odds is
 * followed by its probability as a superscript, so the surprising words stand out; each section's
 * heading carries the node's figures.
 */
public final class MarkdownExport {
    /** Tokens below this probability get their probability printed after them. */
    static final double MARKED_BELOW = 0.5;
    private static final int DEEPEST_HEADING = 6;

    private MarkdownExport() {}

    public static String tree(String name, Session session) {
        StringBuilder out = new StringBuilder();
        Loom loom = session.loom();
        out.append("# ").append(escape(name)).append("\n\n").append(legend(loom.size())).append("\n");
        Deque<NodeId> todo = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        for (int i = loom.roots().size() - 1; i >= 0; i--) {
            todo.push(loom.roots().get(i));
            depths.push(0);
        }
        while (!todo.isEmpty()) {
            Node node = loom.node(todo.pop());
            int depth = depths.pop();
            if (node.deleted()) {
                continue;
            }
            out.append("\n").append("#".repeat(Math.min(DEEPEST_HEADING, 2 + depth))).append(' ')
                    .append(heading(node)).append("\n\n");
            MarkdownText text = new MarkdownText();
            text(node.tokens(), text);
            out.append(text).append("\n");
            List<NodeId> children = node.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(children.get(i));
                depths.push(depth + 1);
            }
        }
        return out.append(AnalysisMarkdown.of(session.analyses())).toString();
    }

    /** The text from the root to the end of {@code end}, in one piece, then its nodes with their figures. */
    public static String path(String name, Session session, NodeId end) {
        Loom loom = session.loom();
        List<Node> path = loom.path(end);
        StringBuilder out = new StringBuilder();
        out.append("# ").append(escape(name)).append(": the path to ").append(end).append("\n\n")
                .append(legend(path.size())).append("\n\n");
        MarkdownText text = new MarkdownText();
        for (Node node : path) {
            text(node.tokens(), text);
        }
        out.append(text).append("\n\n");
        for (Node node : path) {
            out.append("- ").append(heading(node)).append("\n");
        }
        return out.append(AnalysisMarkdown.of(session.analyses())).toString();
    }

    private static String legend(int nodes) {
        return nodes + (nodes == 1 ? " node" : " nodes") + ". After each token the model gave less than "
                + Math.round(100 * MARKED_BELOW) + "%, its probability: like<sup>12%</sup>. Headings give each"
                + " node's origin and, over its scored tokens, the mean probability, the share above 99% and the"
                + " mean entropy of the reported alternatives (nats).";
    }

    private static String heading(Node node) {
        StringBuilder h = new StringBuilder().append(node.id());
        if (node.parent() != null) {
            h.append(" (under ").append(node.parent()).append(')');
        }
        h.append(" · ").append(node.origin().label()).append(node.bookmarked() ? " · bookmarked" : "")
                .append(" · ").append(node.tokens().size()).append(node.tokens().size() == 1 ? " token" : " tokens");
        NodeFigures f = NodeFigures.of(node.tokens());
        if (f.scored() > 0) {
            h.append(String.format(Locale.ROOT, " · mean p %.2f · %.0f%% above 0.99", f.meanProbability(),
                    100 * f.shareConfident()));
        }
        if (!Double.isNaN(f.meanEntropy())) {
            h.append(String.format(Locale.ROOT, " · entropy %.2f", f.meanEntropy()));
        }
        Generation g = node.generation();
        if (g != null && node.origin() == dev.weft.loom.Origin.PICKED) {
            h.append(" · picked from the multiverse of ").append(escape(g.model()));
        } else if (g != null) {
            h.append(" · ").append(escape(g.model())).append(g.knows("temperature")
                    ? String.format(Locale.ROOT, " at T=%s", trim(g.params().temperature())) : ", T unknown")
                    .append(g.params().seed() == null || !g.knows("seed") ? "" : ", seed " + g.params().seed());
        }
        return h.toString();
    }

    /**
     * The run's text with the probability of each unlikely token after it. Tokens that end inside a
     * character are joined with the ones that complete it and marked once, with the probability of
     * them all: the reader sees the character, not its byte pieces.
     */
    static void text(TokenRun run, MarkdownText out) {
        int i = 0;
        while (i < run.size()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(run.piece(i).bytes());
            double logprob = run.logprob(i);
            int next = i + 1;
            while (next < run.size() && Utf8.incompleteTail(bytes.toByteArray(), bytes.size()) > 0) {
                bytes.writeBytes(run.piece(next).bytes());
                logprob += run.logprob(next);
                next++;
            }
            out.text(next == i + 1 ? run.piece(i).text() : Piece.ofBytes(bytes.toByteArray()).text());
            double p = Math.exp(logprob);
            if (!Double.isNaN(p) && p < MARKED_BELOW) {
                out.markup("<sup>" + percent(p) + "</sup>");
            }
            i = next;
        }
    }

    private static String percent(double p) {
        return p < 0.01 ? "&lt;1%" : Math.round(100 * p) + "%";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String escape(String text) {
        return new MarkdownText().text(text).toString();
    }
}
