package dev.weft.tui.layout;

import dev.weft.loom.Node;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;

/**
 * The one node keys act on and the status bar names: under the token cursor in the read view,
 * the selected row in the tree, the current sibling elsewhere. {@code g}, {@code V}, {@code b},
 * {@code d} all take it, so what the bar says is what a key changes.
 */
public final class Anchor {
    private Anchor() {}

    /** The anchor node, or null when there is none (an empty loom, no selection). */
    public static Node of(UiState state) {
        if (state.view() == View.TREE) {
            return state.tree().selected() == null || !state.loom().contains(state.tree().selected())
                    ? null : state.loom().node(state.tree().selected());
        }
        ReadPath path = ReadPath.of(state.loom(), state.focus().current());
        if (path.isEmpty()) {
            return null;
        }
        if (state.view() == View.SIBLINGS || path.size() == 0) {
            return state.loom().node(state.focus().current());
        }
        return path.node(path.nodeAt(path.clamp(state.focus().cursor())));
    }
}
