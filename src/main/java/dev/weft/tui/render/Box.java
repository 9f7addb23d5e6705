package dev.weft.tui.render;

import dev.weft.tui.theme.Style;

/** A bordered box with an optional title in its top edge and a note in its bottom edge. */
final class Box {
    private Box() {}

    static void draw(Painter p, int left, int top, int width, int height, Style border, Style fill,
                     String title, String note) {
        for (int r = top; r < top + height; r++) {
            p.fill(left, r, width, fill);
        }
        int right = left + width - 1;
        int bottom = top + height - 1;
        for (int c = left + 1; c < right; c++) {
            p.put(c, top, "─", border);
            p.put(c, bottom, "─", border);
        }
        for (int r = top + 1; r < bottom; r++) {
            p.put(left, r, "│", border);
            p.put(right, r, "│", border);
        }
        p.put(left, top, "┌", border);
        p.put(right, top, "┐", border);
        p.put(left, bottom, "└", border);
        p.put(right, bottom, "┘", border);
        if (title != null && width > 4) {
            p.clipped(left + 2, top, " " + title + " ", border, width - 4);
        }
        if (note != null && width > 4) {
            p.clipped(left + 2, bottom, " " + note + " ", border, width - 4);
        }
    }
}
