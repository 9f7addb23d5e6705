package dev.weft.tui.keys;

import static dev.weft.tui.keys.Action.*;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys weft ships with: vim letters and arrows both work. Nothing is bound to C-h, C-i,
 * C-j or C-m, which terminals send as Backspace, Tab and Enter. The order here is the order
 * of help and of the man page.
 */
final class DefaultKeys {
    private DefaultKeys() {}

    static List<Binding> all() {
        Table t = new Table();

        t.in(Context.READ)
                .bind(CURSOR_LEFT, "h", "Left").bind(CURSOR_RIGHT, "l", "Right")
                .bind(CURSOR_UP, "k", "Up").bind(CURSOR_DOWN, "j", "Down")
                .bind(PAGE_UP, "PageUp", "C-b").bind(PAGE_DOWN, "PageDown", "C-f")
                .bind(NODE_START, "[").bind(NODE_END, "]")
                .bind(TEXT_START, "Home", "0").bind(TEXT_END, "End", "$")
                .hint(SIBLING_PREV, "<", "S-Left").bind(SIBLING_NEXT, ">", "S-Right")
                .hint(GENERATE, "g").hint(REGENERATE, "r").bind(CANCEL, "Esc", "C-c")
                .hint(ALTERNATIVES, "a").hint(EDIT, "i", "e").bind(EDIT_EXTERNALLY, "E").bind(NEW_TREE, "P")
                .bind(TEMPERATURE_DOWN, "-").bind(TEMPERATURE_UP, "+", "=")
                .bind(COUNT_DOWN, "c").bind(COUNT_UP, "C")
                .bind(MAX_TOKENS_DOWN, "m").bind(MAX_TOKENS_UP, "M").bind(MODEL_PICKER, "o")
                .bind(YANK, "y").bind(BOOKMARK, "b").bind(NEXT_BOOKMARK, "B").bind(NEXT_UNREAD, "Tab").bind(TAG, "#")
                .bind(DELETE, "d").bind(PRUNE, "D").bind(UNDO, "u")
                .hint(SIBLINGS_VIEW, "s").hint(TREE_VIEW, "t").bind(MULTIVERSE_VIEW, "x")
                .bind(CONVERGENCE_VIEW, "v").bind(SET_REFERENCE, "R")
                .bind(SEARCH, "/").bind(SEARCH_NEXT, "n").bind(SEARCH_PREV, "N")
                .hint(COMMAND_LINE, ":").hint(HELP, "?", "F1").hint(QUIT, "q").bind(SUSPEND, "C-z");

        t.in(Context.ALTERNATIVES)
                .hint(CHOICE_UP, "k", "Up").hint(CHOICE_DOWN, "j", "Down")
                .hint(SWAP, "Enter").hint(SWAP_REGENERATE, "r", "g")
                .hint(CLOSE, "Esc", "a", "q", "C-c");

        t.in(Context.EDITOR)
                .hint(COMMIT, "Esc", "C-d").hint(ABANDON, "C-c", "C-g").hint(NEWLINE, "Enter")
                .bind(CARET_LEFT, "Left").bind(CARET_RIGHT, "Right")
                .bind(CARET_UP, "Up").bind(CARET_DOWN, "Down")
                .bind(CARET_HOME, "Home", "C-a").bind(CARET_END, "End", "C-e")
                .bind(WORD_LEFT, "C-Left").bind(WORD_RIGHT, "C-Right")
                .bind(DELETE_BACK, "Backspace").bind(DELETE_FORWARD, "Delete")
                .hint(KILL_TO_END, "C-k").bind(KILL_TO_START, "C-u").bind(DELETE_WORD, "C-w");

        t.in(Context.SIBLINGS)
                .hint(SIBLING_PREV, "h", "Left", "<").hint(SIBLING_NEXT, "l", "Right", ">")
                .bind(CURSOR_UP, "k", "Up").bind(CURSOR_DOWN, "j", "Down")
                .hint(OPEN, "Enter").hint(MORE_SIBLINGS, "r")
                .bind(BOOKMARK, "b").bind(DELETE, "d").bind(UNDO, "u")
                .bind(CANCEL, "C-c")
                .hint(BACK, "Esc", "s").bind(MODEL_PICKER, "o").bind(YANK, "y").bind(COMMAND_LINE, ":").hint(HELP, "?", "F1").bind(QUIT, "q").bind(SUSPEND, "C-z");

        t.in(Context.TREE)
                .hint(ROW_UP, "k", "Up").hint(ROW_DOWN, "j", "Down")
                .hint(COLLAPSE, "h", "Left").hint(EXPAND, "l", "Right")
                .bind(TOGGLE_FOLD, "Space").hint(OPEN, "Enter")
                .bind(PAGE_UP, "PageUp", "C-b").bind(PAGE_DOWN, "PageDown", "C-f")
                .bind(FIRST_ROW, "Home", "0").bind(LAST_ROW, "End", "$")
                .hint(HOIST, "H").bind(UNHOIST, "U").bind(CONVERGENCE_VIEW, "v").bind(SET_REFERENCE, "R")
                .hint(SEARCH, "/").bind(SEARCH_NEXT, "n").bind(SEARCH_PREV, "N")
                .bind(GENERATE, "g").bind(BOOKMARK, "b").bind(NEXT_BOOKMARK, "B").bind(NEXT_UNREAD, "Tab")
                .bind(TAG, "#")
                .bind(DELETE, "d").bind(PRUNE, "D").bind(UNDO, "u")
                .bind(CANCEL, "C-c")
                .hint(BACK, "Esc", "t").bind(MODEL_PICKER, "o").bind(YANK, "y").bind(COMMAND_LINE, ":").hint(HELP, "?", "F1").bind(QUIT, "q").bind(SUSPEND, "C-z");

        t.in(Context.MULTIVERSE)
                .hint(BLOCK_UP, "k", "Up").hint(BLOCK_DOWN, "j", "Down")
                .hint(BLOCK_PARENT, "h", "Left").hint(BLOCK_CHILD, "l", "Right")
                .hint(ZOOM_IN, "z", "Enter").hint(ZOOM_OUT, "Z", "Backspace")
                .hint(ADD_PATH, "a").hint(CLOSE, "Esc", "q", "x");

        t.in(Context.READ).bind(COMPARE_VIEW, "V");
        // no key by default; the basemode preset (Keymap.preset) gives it the digits
        t.in(Context.READ).bind(GENERATE_N);
        t.in(Context.COMPARE)
                .hint(COLUMN_LEFT, "h", "Left").hint(COLUMN_RIGHT, "l", "Right", "Tab")
                .bind(CURSOR_UP, "k", "Up").bind(CURSOR_DOWN, "j", "Down")
                .hint(ADD_COLUMN, "a").hint(CHOOSE_VS, "o").hint(CLOSE, "Esc", "q", "V");

        t.in(Context.COMPARE_FILE)
                .hint(ROW_UP, "k", "Up").hint(ROW_DOWN, "j", "Down")
                .bind(PAGE_UP, "PageUp", "C-b").bind(PAGE_DOWN, "PageDown", "C-f")
                .bind(FIRST_ROW, "Home", "g").bind(LAST_ROW, "End", "G")
                .hint(OPEN, "Enter").hint(CLOSE, "Esc", "q");
        t.in(Context.CONVERGENCE)
                .hint(ROW_UP, "k", "Up").hint(ROW_DOWN, "j", "Down")
                .hint(OPEN, "Enter").hint(SET_REFERENCE, "R").hint(CLOSE, "Esc", "q", "v");

        t.in(Context.DISTRIBUTION)
                .hint(ROW_UP, "k", "Up").hint(ROW_DOWN, "j", "Down")
                .bind(PAGE_UP, "PageUp", "C-b").bind(PAGE_DOWN, "PageDown", "C-f", "Space")
                .bind(FIRST_ROW, "Home", "g").bind(LAST_ROW, "End", "G")
                .hint(SORT_BARS, "s").hint(CLOSE, "Esc", "q");

        t.in(Context.SWEEP)
                .hint(CURSOR_UP, "k", "Up").hint(CURSOR_DOWN, "j", "Down")
                .bind(PAGE_UP, "PageUp", "C-b").bind(PAGE_DOWN, "PageDown", "C-f", "Space")
                .hint(OPEN_SAMPLE, "Enter").hint(ADD_SAMPLE, "a").hint(CLOSE, "Esc", "q");

        t.in(Context.SESSIONS)
                .hint(ROW_UP, "k", "Up").hint(ROW_DOWN, "j", "Down")
                .bind(FIRST_ROW, "Home", "g").bind(LAST_ROW, "End", "G")
                .hint(OPEN_SESSION, "Enter").hint(NEW_SESSION, "n", "Esc").hint(FILTER, "/")
                .bind(QUIT, "q", "C-c");

        t.in(Context.SESSION_FILTER)
                .hint(COMMIT, "Enter").hint(ABANDON, "Esc", "C-c", "C-g").bind(DELETE_BACK, "Backspace")
                .hint(ROW_UP, "Up").bind(ROW_DOWN, "Down");

        t.in(Context.MODELS)
                .hint(ROW_UP, "k", "Up").hint(ROW_DOWN, "j", "Down")
                .bind(FIRST_ROW, "Home", "g").bind(LAST_ROW, "End", "G")
                .hint(USE_MODEL, "Enter").hint(COMPARE_AGAINST, "V").hint(CLOSE, "Esc", "q", "o", "C-c");
        t.in(Context.COMPARE_SIDE)
                .hint(ROW_UP, "k", "Up").hint(ROW_DOWN, "j", "Down")
                .bind(FIRST_ROW, "Home", "g").bind(LAST_ROW, "End", "G")
                .hint(COMPARE_AGAINST, "Enter", "V").hint(CLOSE, "Esc", "q", "o", "C-c");

        t.in(Context.SEARCH)
                .hint(RUN_SEARCH, "Enter").hint(ABANDON, "Esc", "C-c", "C-g").bind(DELETE_BACK, "Backspace");

        t.in(Context.COMMAND)
                .hint(RUN_COMMAND, "Enter").hint(ABANDON, "Esc", "C-c", "C-g").hint(COMPLETE, "Tab")
                .hint(HISTORY_PREV, "Up", "C-p").bind(HISTORY_NEXT, "Down", "C-n")
                .bind(CARET_LEFT, "Left", "C-b").bind(CARET_RIGHT, "Right", "C-f")
                .bind(CARET_HOME, "Home", "C-a").bind(CARET_END, "End", "C-e")
                .bind(WORD_LEFT, "C-Left").bind(WORD_RIGHT, "C-Right")
                .bind(DELETE_BACK, "Backspace").bind(DELETE_FORWARD, "Delete", "C-d")
                .bind(KILL_TO_END, "C-k").bind(KILL_TO_START, "C-u").bind(DELETE_WORD, "C-w");

        t.in(Context.PLAYER)
                .hint(PLAY_PAUSE, "Space", "p").hint(STEP_FORWARD, "l", "Right").hint(STEP_BACK, "h", "Left")
                .bind(FIRST_STEP, "Home", "g").hint(JUMP, "G", "End")
                .bind(SLOWER, "-").bind(FASTER, "+", "=")
                .bind(TREE_VIEW, "t").hint(TAKE_OVER, "T")
                .hint(HELP, "?", "F1").hint(LEAVE_PLAYER, "q", "Esc");

        t.in(Context.HELP)
                .hint(CURSOR_UP, "k", "Up").hint(CURSOR_DOWN, "j", "Down")
                .bind(PAGE_UP, "PageUp", "C-b").bind(PAGE_DOWN, "PageDown", "C-f", "Space")
                .hint(CLOSE, "Esc", "q", "?");

        t.in(Context.OFFER)
                .hint(USE_OFFERED, "y", "Enter").hint(DECLINE_OFFER, "n").hint(CLOSE, "Esc");

        return t.rows;
    }

    /** A small builder so the table above reads as a table. */
    private static final class Table {
        private final List<Binding> rows = new ArrayList<>();
        private Context context;

        Table in(Context c) {
            context = c;
            return this;
        }

        Table bind(Action action, String... keys) {
            return add(action, false, keys);
        }

        Table hint(Action action, String... keys) {
            return add(action, true, keys);
        }

        private Table add(Action action, boolean hint, String... keys) {
            List<KeySpec> specs = new ArrayList<>();
            for (String k : keys) {
                specs.add(KeySpec.parse(k));
            }
            rows.add(new Binding(context, action, specs, hint));
            return this;
        }
    }
}
