package dev.weft.tui.state;

import dev.weft.loom.NodeFigures;
import dev.weft.replay.NodePair;
import java.util.List;

/**
 * The compared-sessions view: this session's tree and another file's (say its replay against
 * another model), node by corresponding node.
 *
 * @param request  the file being read, or 0 once it has arrived
 * @param other    the other file's name, for the heading
 * @param pairs    null until the file arrives
 * @param selected the selected pair
 * @param figures  each tree's figures over all the text after its prompts (null until the file arrives)
 */
public record CompareFileView(long request, String other, List<NodePair> pairs, int selected, List<NodeFigures> figures) {
    public CompareFileView {
        pairs = pairs == null ? null : List.copyOf(pairs);
        figures = figures == null ? null : List.copyOf(figures);
    }

    public static CompareFileView reading(long request, String other) {
        return new CompareFileView(request, other, null, 0, null);
    }

    public CompareFileView arrived(String name, List<NodePair> newPairs, NodeFigures left, NodeFigures right) {
        return new CompareFileView(0, name, newPairs, 0, List.of(left, right));
    }

    public CompareFileView withSelected(int pair) {
        return new CompareFileView(request, other, pairs, pair, figures);
    }
}
