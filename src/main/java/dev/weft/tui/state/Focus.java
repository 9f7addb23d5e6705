package dev.weft.tui.state;

import dev.weft.loom.NodeId;

/**
 * What the read view shows: the path from the root to {@code current}, and the token cursor as
 * an index into that path's tokens. A path index survives splits (the text does not change),
 * which is why the cursor is not kept as (node, index).
 *
 * @param current null while the loom is empty
 */
public record Focus(NodeId current, int cursor) {
    public static final Focus NONE = new Focus(null, 0);

    public Focus {
        if (cursor < 0) {
            throw new IllegalArgumentException("negative cursor " + cursor);
        }
    }

    public Focus withCursor(int c) {
        return new Focus(current, c);
    }
}
