package dev.weft.tui.render;

import dev.weft.loom.DisplayText;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.layout.TreeRows;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The whole loom as a tree: guides, a fold marker, the origin (¶ prompt, • model, ✎ edit,
 * ⇄ swap), the node's mean token probability in its colour, its id (bold on the path to the
 * current node) with a ★ when bookmarked and a ● while unread, its tags (#word), ※ and the
 * note's first line when it has a note, and a one-line preview of its text coloured token by token.
 */
final class TreeView {
    /** Marks an unread node (socketteer/loom's unvisited) and a node with a note. */
    static final String UNREAD = "●";
    static final String NOTE = "※";

    private TreeView() {}

    static void render(UiState state, Painter p, int rows) {
        TreeRows tree = TreeRows.of(state.loom(), state.tree().collapsed(), state.tree().hoist());
        if (tree.size() == 0) {
            p.clipped(1, 0, "the loom is empty: Esc, then i to write a prompt", p.style(Part.MUTED), p.cols() - 1);
            return;
        }
        Set<NodeId> onPath = new HashSet<>();
        ReadPath path = ReadPath.of(state.loom(), state.focus().current());
        path.nodes().forEach(n -> onPath.add(n.id()));
        String query = state.search().query().toLowerCase(Locale.ROOT);
        int top = state.tree().top();
        int maxDepth = Math.max(1, p.cols() / 6);
        // hoisted: the banner has the first row to itself, above the tree (it used to cover a row's text)
        int first = 0;
        if (state.tree().hoist() != null) {
            p.clipped(0, 0, "hoisted " + state.tree().hoist() + " · U: whole tree", p.style(Part.HEADING), p.cols());
            first = 1;
        }
        for (int r = 0; first + r < rows && top + r < tree.size(); r++) {
            TreeRows.Row row = tree.row(top + r);
            Node node = state.loom().node(row.id());
            boolean selected = row.id().equals(state.tree().selected());
            boolean match = !query.isEmpty() && state.search().matches().contains(row.id());
            row(p, first + r, tree.guides(top + r, maxDepth), row, node, selected, onPath.contains(row.id()), match);
        }
    }

    private static void row(Painter p, int r, String guides, TreeRows.Row row, Node node, boolean selected,
                            boolean onPath, boolean match) {
        Style base = selected ? p.style(Part.TREE_SELECTED) : Style.PLAIN;
        p.fill(0, r, p.cols(), base);
        int col = p.text(0, r, guides, p.style(Part.TREE_GUIDE).over(base));
        String fold = row.collapsed() ? "▸" : row.hasChildren() ? "▾" : " ";
        col = p.text(col, r, fold + origin(node.origin()), base);
        double meanLogprob = NodeFigures.meanLogprob(node.tokens());
        boolean scored = !Double.isNaN(meanLogprob);
        String mean = scored ? Numbers.wholePercent(Math.exp(meanLogprob)) : "   —";
        Style meanStyle = scored ? p.theme().probability(Math.exp(meanLogprob)) : p.style(Part.MUTED);
        col = p.text(col + 1, r, mean, meanStyle.over(base));
        Style idStyle = (onPath ? p.style(Part.TREE_PATH) : p.style(Part.MUTED)).over(base);
        col = p.text(col + 1, r, node.id().toString(), idStyle);
        if (node.bookmarked()) {
            col = p.text(col, r, "★", p.style(Part.BOOKMARK).over(base));
        }
        if (node.marks().unread()) {
            col = p.text(col, r, UNREAD, p.style(Part.UNREAD).over(base));
        }
        col++;
        for (String tag : node.marks().tags()) {
            col = p.text(col, r, "#" + DisplayText.token(tag) + " ", p.style(Part.TAG).over(base), p.cols() - col);
        }
        if (!node.marks().note().isEmpty()) {
            String line = node.marks().note().lines().findFirst().orElse("");
            String shown = NOTE + " " + DisplayText.token(line);
            int room = Math.min(p.cols() - col, Math.max(12, (p.cols() - col) / 2));
            col = p.clipped(col, r, shown, p.style(Part.MUTED).over(base), room);
            col++;
        }
        if (node.generation() != null && node.generation().finish() == FinishReason.CUT) {
            col = p.text(col, r, "[cut] ", p.style(Part.CUT).over(base));
        }
        preview(p, r, col, node, match ? p.style(Part.MATCH).over(base) : base);
    }

    /** The node's text on one line, each token in its probability colour. */
    private static void preview(Painter p, int r, int col, Node node, Style base) {
        TokenRun run = node.tokens();
        if (run.isEmpty()) {
            p.text(col, r, "∅", p.style(Part.MUTED).over(base));
            return;
        }
        for (int i = 0; i < run.size() && col < p.cols(); i++) {
            String text = DisplayText.token(run.piece(i).text());
            col = p.text(col, r, text, TokenStyles.of(p.theme(), node, i).over(base), p.cols() - col);
        }
    }

    static String origin(Origin origin) {
        return switch (origin) {
            case PROMPT -> "¶";
            case MODEL -> "•";
            case EDIT -> "✎";
            case SWAP -> "⇄";
            case PICKED -> "⋄";
        };
    }
}
