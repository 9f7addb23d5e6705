package dev.weft.tui.update;

import dev.weft.loom.DisplayText;
import dev.weft.loom.NodeId;
import dev.weft.tui.state.Effect;

/**
 * Copying the path's text: {@code y} to the terminal's clipboard (OSC 52), {@code :yank FILE} to a file.
 * The text goes as {@code :export} writes it: control characters shown as symbols, so nothing pasted
 * later can drive a terminal.
 */
final class Yanking {
    private Yanking() {}

    /** {@code y}: the text from the root to {@code end}, to the clipboard. */
    static void copy(Step step, NodeId end) {
        if (end == null) {
            step.info("the loom is empty: nothing to copy · i writes a prompt");
            return;
        }
        String text = text(step, end);
        step.effect(new Effect.CopyToClipboard(text));
        // short enough for one row at 80 columns: a wrapped message would hide the view above it
        step.info("copied " + text.length() + " characters (to " + end + ") to the clipboard · else :yank FILE");
    }

    /** {@code :yank [FILE]} and {@code :yank! FILE}: the read view's path, to the clipboard or to the file. */
    static void yank(Step step, String file, boolean overwrite) {
        NodeId end = step.state.focus().current();
        if (file == null) {
            copy(step, end);
            return;
        }
        if (end == null) {
            step.error("the loom is empty: nothing to write · i writes a prompt");
            return;
        }
        step.effect(new Effect.Yank(file, text(step, end), overwrite));
    }

    private static String text(Step step, NodeId end) {
        return DisplayText.safe(step.state.loom().pathText(end), true);
    }
}
