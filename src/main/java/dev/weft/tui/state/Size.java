package dev.weft.tui.state;

/** The terminal size in cells. */
public record Size(int cols, int rows) {
    public Size {
        cols = Math.max(cols, 1);
        rows = Math.max(rows, 1);
    }
}
