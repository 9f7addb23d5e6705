package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.loom.DisplayText;
import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.replay.ModelFigures;
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
    private static final String HEADER = "node         origin  tok  mean lp  >.99  H(k)";
    private static final int MAX_INDENT = 4;

    private ComparePrinter() {}

    static void text(String leftName, Session left, String rightName, Session right, int width, PrintWriter out) {
        int side = Math.max(HEADER.length(), (width - 3) / 2);
        out.println("left:  " + leftName + " · " + backends(left.backends()));
        out.println("right: " + rightName + " · " + backends(right.backends()));
        out.println();
        out.println(pad(HEADER, side) + " │ " + HEADER);
        for (NodePair pair : NodePairs.of(left.loom(), right.loom())) {
            int indent = Math.min(pair.depth(), MAX_INDENT);
            out.println(pad(figures(pair.left(), indent), side) + " │ " + figures(pair.right(), indent));
            out.println(pad(preview(pair.left(), indent, side), side) + " │ " + preview(pair.right(), indent, side));
        }
        NodeFigures l = ModelFigures.of(left.loom());
        NodeFigures r = ModelFigures.of(right.loom());
        out.println();
        out.println("all model text      left    right");
        out.printf(Locale.ROOT, "  tokens         %7d  %7d%n", l.scored(), r.scored());
        out.printf(Locale.ROOT, "  mean logprob   %7s  %7s%n", number(l.meanLogprob()), number(r.meanLogprob()));
        out.printf(Locale.ROOT, "  share p>0.99   %7s  %7s%n", percent(l.shareConfident()),
                percent(r.shareConfident()));
        out.printf(Locale.ROOT, "  mean entropy   %7s  %7s%n", number(l.meanEntropy()), number(r.meanEntropy()));
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
        ObjectNode summary = root.putObject("model_text");
        figures(summary.putObject("left"), ModelFigures.of(left.loom()));
        figures(summary.putObject("right"), ModelFigures.of(right.loom()));
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
        String id = "  ".repeat(indent) + node.id() + (node.bookmarked() ? "*" : "")
                + (node.deleted() ? " (deleted)" : "");
        return String.format(Locale.ROOT, "%-12s %-6s %4d  %7s %5s %5s", id, node.origin().label(),
                node.tokens().size(), number(f.meanLogprob()), percent(f.shareConfident()), number(f.meanEntropy()));
    }

    private static String preview(Node node, int indent, int width) {
        if (node == null) {
            return "";
        }
        String lead = "  ".repeat(indent + 1);
        String safe = DisplayText.token(node.text());
        int room = Math.max(8, width - lead.length() - 2);
        if (safe.length() > room) {
            int cut = Character.isHighSurrogate(safe.charAt(room - 2)) ? room - 2 : room - 1;
            safe = safe.substring(0, cut) + "…";
        }
        return lead + "\"" + safe + "\"";
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

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
