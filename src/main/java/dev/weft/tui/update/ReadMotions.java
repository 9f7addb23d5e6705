package dev.weft.tui.update;

import dev.weft.loom.NodeId;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.Areas;
import dev.weft.tui.layout.Family;
import dev.weft.tui.layout.ReadLayout;
import dev.weft.tui.layout.ReadLayouts;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Focus;

/** Moving the token cursor of the read view: by token, line, page, node boundary, sibling. */
final class ReadMotions {
    private ReadMotions() {}

    /** Handles a motion; false when {@code action} is not one. */
    static boolean handle(Step step, Action action) {
        ReadPath path = ReadPath.of(step.state.loom(), step.state.focus().current());
        if (path.isEmpty()) {
            return isMotion(action);
        }
        int cursor = path.clamp(step.state.focus().cursor());
        int rows = Areas.of(step.state.size()).bodyRows();
        switch (action) {
            case CURSOR_LEFT -> cursor = Math.max(0, cursor - 1);
            case CURSOR_RIGHT -> cursor = Math.min(path.size() - 1, cursor + 1);
            case CURSOR_UP -> cursor = byLines(step, cursor, -1);
            case CURSOR_DOWN -> cursor = byLines(step, cursor, 1);
            case PAGE_UP -> cursor = byLines(step, cursor, -Math.max(1, rows - 1));
            case PAGE_DOWN -> cursor = byLines(step, cursor, Math.max(1, rows - 1));
            case TEXT_START -> cursor = 0;
            case TEXT_END -> cursor = path.size() - 1;
            case NODE_START -> cursor = previousBoundary(path, cursor);
            case NODE_END -> {
                int next = nextNodeStart(path, cursor);
                if (next < 0 && cursor == path.size() - 1) {
                    intoChild(step, path);
                    return true;
                }
                cursor = next >= 0 ? next : path.size() - 1;
            }
            case SIBLING_PREV, SIBLING_NEXT -> {
                toSibling(step, path, cursor, action == Action.SIBLING_NEXT ? 1 : -1);
                return true;
            }
            default -> {
                return false;
            }
        }
        step.state = step.state.withFocus(step.state.focus().withCursor(cursor));
        return true;
    }

    private static boolean isMotion(Action a) {
        return switch (a) {
            case CURSOR_LEFT, CURSOR_RIGHT, CURSOR_UP, CURSOR_DOWN, PAGE_UP, PAGE_DOWN, TEXT_START, TEXT_END,
                    NODE_START, NODE_END, SIBLING_PREV, SIBLING_NEXT -> true;
            default -> false;
        };
    }

    /** The token {@code lines} lines away at the same column; lines without tokens are passed over. */
    private static int byLines(Step step, int cursor, int lines) {
        ReadLayout layout = ReadLayouts.of(step.state);
        int cell = layout.cellOfToken(cursor);
        int col = layout.column(cell);
        int line = layout.lineOfCell(cell);
        int dir = Integer.signum(lines);
        int target = Math.max(0, Math.min(layout.lineCount() - 1, line + lines));
        while (target >= 0 && target < layout.lineCount()) {
            int token = layout.tokenAt(target, col);
            if (token >= 0 && token != cursor) {
                return token;
            }
            target += dir;
        }
        return cursor;
    }

    private static int previousBoundary(ReadPath path, int cursor) {
        int k = path.nodeAt(cursor);
        if (cursor > path.start(k)) {
            return path.start(k);
        }
        for (int j = k - 1; j >= 0; j--) {
            if (path.node(j).tokens().size() > 0) {
                return path.start(j);
            }
        }
        return 0;
    }

    /** The first token of the next node that has tokens, or -1. */
    private static int nextNodeStart(ReadPath path, int cursor) {
        for (int j = path.nodeAt(cursor) + 1; j < path.nodeCount(); j++) {
            if (path.node(j).tokens().size() > 0) {
                return path.start(j);
            }
        }
        return -1;
    }

    /** At the very end, ] walks down into the current node's first child. */
    private static void intoChild(Step step, ReadPath path) {
        NodeId child = Family.firstLiveChild(step.state.loom(), step.state.focus().current());
        if (child == null) {
            step.info("this node has no children: g generates some");
            return;
        }
        step.state = step.state.withFocus(new Focus(child, path.size()));
    }

    private static void toSibling(Step step, ReadPath path, int cursor, int dir) {
        int k = path.nodeAt(cursor);
        NodeId here = path.node(k).id();
        NodeId next = Family.sibling(step.state.loom(), here, dir);
        if (next.equals(here)) {
            step.info("no siblings here: r regenerates from the cursor to make some");
            return;
        }
        int count = Family.siblings(step.state.loom(), here).size();
        int at = Family.siblings(step.state.loom(), here).indexOf(next) + 1;
        step.state = step.state.withFocus(new Focus(next, path.start(k)));
        step.info("sibling " + at + " of " + count);
    }
}
