package dev.weft.tui.render;

import dev.weft.tui.layout.Glyphs;
import dev.weft.tui.theme.Style;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-line bar of segments, some flush left and some flush right. When the line is too
 * narrow the least important segments go first, so a 40-column terminal keeps what matters.
 */
final class Bar {
    /**
     * A piece of the bar; a higher priority survives longer. A segment with a {@code minWidth}
     * is shortened (its end cut, with …) down to that many columns before it is dropped.
     */
    record Segment(String text, Style style, int priority, boolean right, int minWidth) {
        Segment(String text, Style style, int priority, boolean right) {
            this(text, style, priority, right, 0);
        }
    }

    private static final String GAP = "  ";

    private Bar() {}

    static void draw(Painter p, int row, List<Segment> segments, Style fill) {
        List<Segment> kept = new ArrayList<>(segments);
        while (width(kept) > p.cols() && kept.size() > 1) {
            Segment least = kept.get(0);
            for (Segment s : kept) {
                if (s.priority() < least.priority()) {
                    least = s;
                }
            }
            int excess = width(kept) - p.cols();
            int shortened = Glyphs.columns(least.text()) - excess;
            if (least.minWidth() > 0 && shortened >= least.minWidth()) {
                kept.set(kept.indexOf(least), new Segment(shorten(least.text(), shortened), least.style(),
                        least.priority(), least.right()));
                break;
            }
            kept.remove(least);
        }
        p.fill(0, row, p.cols(), fill);
        int col = 1;
        for (Segment s : kept) {
            if (!s.right()) {
                col = p.clipped(col, row, s.text(), s.style().over(fill), p.cols() - col) + GAP.length();
            }
        }
        List<Segment> right = kept.stream().filter(Segment::right).toList();
        int rightWidth = width(right) - GAP.length();
        int rcol = Math.max(col, p.cols() - rightWidth);
        for (Segment s : kept) {
            if (s.right()) {
                rcol = p.clipped(rcol, row, s.text(), s.style().over(fill), p.cols() - rcol) + GAP.length();
            }
        }
    }

    /** The start of {@code text} in at most {@code columns} columns, ending with … when cut. */
    static String shorten(String text, int columns) {
        if (Glyphs.columns(text) <= columns) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (Glyphs.Glyph g : Glyphs.split(text)) {
            int w = Glyphs.width(g.text());
            if (used + w > columns - 1) {
                break;
            }
            out.append(g.text());
            used += w;
        }
        return out.append('…').toString();
    }

    private static int width(List<Segment> segments) {
        int w = 1;
        for (Segment s : segments) {
            w += Glyphs.columns(s.text()) + GAP.length();
        }
        return w;
    }
}
