package dev.weft.exchange;

import dev.weft.loom.DisplayText;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;

/** The plain text of one path, root to end: what a reader of the loom sees, nothing else. */
public final class TextExport {
    private TextExport() {}

    /** The path's text, decoded from its joined bytes, control characters shown as symbols, ending in a newline. */
    public static String path(Loom loom, NodeId end) {
        String text = DisplayText.safe(loom.pathText(end), true);
        return text.endsWith("\n") ? text : text + "\n";
    }
}
