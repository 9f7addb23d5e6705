package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.loom.DisplayText;
import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.replay.ContinuationFigures;
import dev.weft.replay.NodePair;
import dev.weft.replay.NodePairs;
import dev.weft.session.Session;
import dev.weft.session.SessionBackends;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code weft compare}: two trees' corresponding nodes side by side with their figures, as text or JSON. */
final class ComparePrinter {
    private static final String FIGURES = "%-10s %4s %7s %5s %5s";
    private static final String HEADER = String.format(Locale.ROOT, FIGURES, "node", "tok", "mean lp", ">.99", "H(k)");
    private static final String GUTTER = " │ ";
    private static final int MAX_INDENT = 3;

    private ComparePrinter() {}

    /** Two lines per pair of nodes (figures, then origin and text) in two columns that share {@code width}. */
    static void text(String leftName, Session left, String rightName, Session right, int width, PrintWriter out) {
        int side = Math.max(HEADER.length(), (width - GUTTER.length()) / 2);
        out.println(TextWidth.fit("left:  " + leftName + " · " + backends(left.backends()), width));
        out.println(TextWidth.fit("right: " + rightName + " · " + backends(right.backends()), width));
        out.println();
        out.println(TextWidth.pad(HEADER, side) + GUTTER + HEADER);
        for (NodePair pair : NodePairs.of(left.loom(), right.loom())) {
            int indent = Math.min(pair.depth(), MAX_INDENT);
            out.println(TextWidth.pad(figures(pair.left(), indent), side) + GUTTER + figures(pair.right(), indent));
            out.println(TextWidth.pad(preview(pair.left(), indent, side), side) + GUTTER
                    + preview(pair.right(), indent, side));
        }
        NodeFigures l = ContinuationFigures.of(left.loom());
        NodeFigures r = ContinuationFigures.of(right.loom());
        out.println();
        out.println("text after prompts  left    right");
        out.printf(Locale.ROOT, "  tokens         %7d  %7d%n", l.scored(), r.scored());
        out.printf(Locale.ROOT, "  mean logprob   %7s  %7s%n", Percent.figure(l.meanLogprob()),
                Percent.figure(r.meanLogprob()));
        out.printf(Locale.ROOT, "  share p>0.99   %7s  %7s%n", Percent.of(l.shareConfident()),
                Percent.of(r.shareConfident()));
        out.printf(Locale.ROOT, "  mean entropy   %7s  %7s%n", Percent.figure(l.meanEntropy()),
                Percent.figure(r.meanEntropy()));
    }

    static ObjectNode json(String leftName, Session left, String rightName, Session right) {
        ObjectNode root = TokenJson.MAPPER.createObjectNode();
        root.put("left", leftName);
        root.put("right", rightName);
        ArrayNode pairs = root.putArray("pairs");
        for (NodePair pair : NodePairs.of(left.loom(), right.loom())) {
            ObjectNode o = pairs.addObject();
            o.put("depth", pair.depth());
            side(o, "left", pair.left());
            side(o, "right", pair.right());
        }
        ObjectNode summary = root.putObject("after_prompts");
        figures(summary.putObject("left"), ContinuationFigures.of(left.loom()));
        figures(summary.putObject("right"), ContinuationFigures.of(right.loom()));
        return root;
    }

    private static void side(ObjectNode pair, String name, Node node) {
        if (node == null) {
            pair.putNull(name);
            return;
        }
        ObjectNode o = pair.putObject(name);
        o.put("node", node.id().value());
        o.put("origin", node.origin().label());
        o.put("text", node.text());
        figures(o, NodeFigures.of(node.tokens()));
    }

    private static void figures(ObjectNode o, NodeFigures f) {
        o.put("tokens", f.scored());
        putNumber(o, "mean_logprob", f.meanLogprob());
        putNumber(o, "share_confident", f.shareConfident());
        putNumber(o, "mean_entropy", f.meanEntropy());
    }

    private static void putNumber(ObjectNode o, String field, double value) {
        if (Double.isNaN(value)) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }

    private static String figures(Node node, int indent) {
        if (node == null) {
            return "  ".repeat(indent) + "(no counterpart)";
        }
        NodeFigures f = NodeFigures.of(node.tokens());
        String id = "  ".repeat(indent) + node.id() + (node.bookmarked() ? "*" : "");
        return String.format(Locale.ROOT, FIGURES, id, node.tokens().size(), Percent.figure(f.meanLogprob()),
                Percent.of(f.shareConfident()), Percent.figure(f.meanEntropy()));
    }

    /** The node's origin and text, quoted and cut to the column. */
    private static String preview(Node node, int indent, int width) {
        if (node == null) {
            return "";
        }
        String origin = node.origin().label() + (node.deleted() ? " (deleted)" : "");
        String quoted = "\"" + DisplayText.token(node.text()) + "\"";
        return TextWidth.fit("  ".repeat(indent + 1) + origin + " " + quoted, width);
    }

    private static String backends(SessionBackends backends) {
        if (backends.profiles().isEmpty()) {
            return "no backend recorded";
        }
        return backends.profiles().entrySet().stream().map(ComparePrinter::backend).collect(Collectors.joining(", "));
    }

    private static String backend(Map.Entry<String, SessionBackends.Profile> e) {
        List<String> models = e.getValue().models();
        return DisplayText.token(e.getKey()) + " (" + DisplayText.token(e.getValue().backend() + ": "
                + String.join(", ", models)) + ")";
    }
}
