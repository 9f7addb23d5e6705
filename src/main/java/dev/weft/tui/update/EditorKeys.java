package dev.weft.tui.update;

import com.googlecode.lanterna.input.KeyType;
import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.layout.ReadLayout;
import dev.weft.tui.layout.ReadLayouts;
import dev.weft.tui.state.Overlay;

/** Keys of the inline editor: text goes in at the caret; the keymap's keys move it, delete, commit or abandon. */
final class EditorKeys {
    private EditorKeys() {}

    static void handle(Step step, Overlay.Editor editor, Action action, KeySpec key) {
        String text = editor.text();
        int caret = editor.caret();
        if (action == null) {
            if (key.isText()) {
                edit(step, editor, text.substring(0, caret) + key.character() + text.substring(caret), caret + 1);
            } else if (key.type() == KeyType.Tab) {
                edit(step, editor, text.substring(0, caret) + "\t" + text.substring(caret), caret + 1);
            }
            return;
        }
        switch (action) {
            case COMMIT -> Edits.commit(step, editor);
            case ABANDON -> {
                step.state = step.state.withOverlay(Overlay.NONE);
                step.info("edit discarded");
            }
            case NEWLINE -> edit(step, editor, text.substring(0, caret) + "\n" + text.substring(caret), caret + 1);
            case CARET_LEFT -> edit(step, editor, text, caret == 0 ? 0 : text.offsetByCodePoints(caret, -1));
            case CARET_RIGHT -> edit(step, editor, text, caret == text.length() ? caret : text.offsetByCodePoints(caret, 1));
            case CARET_HOME -> edit(step, editor, text, text.lastIndexOf('\n', caret - 1) + 1);
            case CARET_END -> {
                int nl = text.indexOf('\n', caret);
                edit(step, editor, text, nl < 0 ? text.length() : nl);
            }
            case CARET_UP, CARET_DOWN -> edit(step, editor, text, lineMove(step, caret, action == Action.CARET_UP ? -1 : 1));
            case DELETE_BACK -> {
                if (caret > 0) {
                    int from = text.offsetByCodePoints(caret, -1);
                    edit(step, editor, text.substring(0, from) + text.substring(caret), from);
                }
            }
            case DELETE_FORWARD -> {
                if (caret < text.length()) {
                    int to = text.offsetByCodePoints(caret, 1);
                    edit(step, editor, text.substring(0, caret) + text.substring(to), caret);
                }
            }
            case KILL_TO_END -> set(step, editor, LineText.killToEnd(text, caret));
            case KILL_TO_START -> set(step, editor, LineText.killToStart(text, caret));
            case DELETE_WORD -> set(step, editor, LineText.deleteWord(text, caret));
            case WORD_LEFT -> edit(step, editor, text, LineText.wordLeft(text, caret));
            case WORD_RIGHT -> edit(step, editor, text, LineText.wordRight(text, caret));
            default -> { }
        }
    }

    private static void set(Step step, Overlay.Editor editor, LineText.Edit e) {
        edit(step, editor, e.text(), e.caret());
    }

    private static void edit(Step step, Overlay.Editor editor, String text, int caret) {
        step.state = step.state.withOverlay(new Overlay.Editor(editor.target(), text, caret));
    }

    /** The caret offset one screen line up or down at the same column, as the text is wrapped now. */
    private static int lineMove(Step step, int caret, int dir) {
        ReadLayout layout = ReadLayouts.of(step.state);
        int cell = layout.cellOfEditorChar(caret);
        int target = layout.lineOfCell(cell) + dir;
        if (target < 0 || target >= layout.lineCount()) {
            return caret;
        }
        int offset = layout.editorCharAt(target, layout.column(cell));
        return offset < 0 ? caret : offset;
    }
}
