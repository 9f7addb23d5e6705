package dev.weft.tui.update;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.tui.layout.Areas;
import dev.weft.tui.layout.Family;
import dev.weft.tui.layout.HelpText;
import dev.weft.tui.layout.ReadLayout;
import dev.weft.tui.layout.ReadLayouts;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.layout.SiblingColumns;
import dev.weft.tui.layout.TreeRows;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.TreeState;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import java.util.List;

/**
 * Run after every update: keeps the focus on a visible node with the cursor on a token, and
 * scrolls each view just enough that the cursor, caret or selected row is on screen.
 */
final class Viewport {
    private Viewport() {}

    static UiState follow(UiState state) {
        state = validFocus(state);
        int rows = Areas.of(state.size()).bodyRows();
        if (state.overlay() instanceof Overlay.Help help) {
            int max = Math.max(0, HelpText.lines(state.settings().keymap()).size() - rows);
            return state.withOverlay(new Overlay.Help(Math.max(0, Math.min(help.top(), max))));
        }
        if (state.view() == View.TREE && !(state.overlay() instanceof Overlay.Editor)) {
            return followTree(state, rows);
        }
        if (state.view() == View.SIBLINGS && state.focus().current() != null) {
            int lines = SiblingColumns.of(state.loom(), state.focus().current(), state.size().cols()).longest(state.loom());
            int max = Math.max(0, lines - (rows - 3));
            return state.withScroll(state.scroll().withSiblings(Math.min(state.scroll().siblings(), max)));
        }
        if (state.view() == View.READ || state.overlay() instanceof Overlay.Editor) {
            ReadLayout layout = ReadLayouts.of(state);
            int line = state.overlay() instanceof Overlay.Editor e
                    ? layout.lineOfCell(layout.cellOfEditorChar(e.caret()))
                    : layout.lineOfToken(state.focus().cursor());
            int top = state.scroll().read();
            top = Math.min(top, line);
            top = Math.max(top, line - rows + 1);
            top = Math.max(0, Math.min(top, Math.max(0, layout.lineCount() - 1)));
            return state.withScroll(state.scroll().withRead(top));
        }
        return state;
    }

    private static UiState validFocus(UiState state) {
        Loom loom = state.loom();
        Focus f = state.focus();
        if (f.current() != null && (!loom.contains(f.current()) || loom.isHidden(f.current()))) {
            List<NodeId> roots = Family.liveRoots(loom);
            f = roots.isEmpty() ? Focus.NONE : new Focus(roots.get(0), 0);
        }
        if (f.current() == null && !Family.liveRoots(loom).isEmpty()) {
            f = new Focus(Family.liveRoots(loom).get(0), 0);
        }
        ReadPath path = ReadPath.of(loom, f.current());
        int clamped = path.clamp(f.cursor());
        return f.equals(state.focus()) && clamped == f.cursor() ? state : state.withFocus(f.withCursor(clamped));
    }

    private static UiState followTree(UiState state, int bodyRows) {
        TreeState tree = state.tree();
        // a hoisted tree gives its first row to the banner saying so
        int rows = Math.max(1, bodyRows - (tree.hoist() == null ? 0 : 1));
        TreeRows all = TreeRows.of(state.loom(), tree.collapsed(), tree.hoist());
        if (all.size() == 0) {
            return state.withTree(tree.withSelected(null).withTop(0));
        }
        int at = all.indexOf(tree.selected());
        if (at < 0) {
            at = nearestShownAncestor(state.loom(), all, tree.selected());
            tree = tree.withSelected(all.rows().get(at).id());
        }
        int top = Math.min(tree.top(), at);
        top = Math.max(top, at - rows + 1);
        top = Math.max(0, Math.min(top, Math.max(0, all.size() - rows)));
        return state.withTree(tree.withTop(top));
    }

    /** The row of the closest ancestor still shown (after a delete or a fold), else the first row. */
    private static int nearestShownAncestor(Loom loom, TreeRows rows, NodeId id) {
        if (id == null || !loom.contains(id)) {
            return 0;
        }
        List<Node> path = loom.path(id);
        for (int i = path.size() - 1; i >= 0; i--) {
            int row = rows.indexOf(path.get(i).id());
            if (row >= 0) {
                return row;
            }
        }
        return 0;
    }
}
