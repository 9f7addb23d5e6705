package dev.weft.tui.layout;

import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import java.util.List;

/**
 * How the siblings view lays out its columns: as many as fit at a readable width, a window of
 * them that keeps the current one in view, and each column's text wrapped to its width.
 *
 * @param siblings all siblings of the current node, in creation order
 * @param first    the first one shown
 * @param visible  how many are shown
 * @param width    each column's width, its outline included
 */
public record SiblingColumns(List<NodeId> siblings, int first, int visible, int width) {
    public static final int MIN_WIDTH = 22;

    public static SiblingColumns of(Loom loom, NodeId current, int cols) {
        List<NodeId> siblings = Family.siblings(loom, current);
        int at = siblings.indexOf(current);
        int visible = Math.max(1, Math.min(siblings.size(), cols / MIN_WIDTH));
        int first = Math.max(0, Math.min(at - visible / 2, siblings.size() - visible));
        return new SiblingColumns(siblings, first, visible, cols / visible);
    }

    /** The text of a sibling wrapped inside its column's outline. */
    public ReadLayout layout(Loom loom, NodeId id) {
        return ReadLayout.wrap(ReadText.ofNode(loom.node(id)), width - 2);
    }

    /** The most lines any shown column has: how far the view can scroll. */
    public int longest(Loom loom) {
        int most = 0;
        for (int i = first; i < first + visible; i++) {
            most = Math.max(most, layout(loom, siblings.get(i)).lineCount());
        }
        return most;
    }
}
