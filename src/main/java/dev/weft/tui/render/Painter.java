package dev.weft.tui.render;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.weft.tui.layout.Glyphs;
import dev.weft.tui.theme.Ink;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import dev.weft.tui.theme.Theme;

/**
 * The only way renderers draw: every string is split by {@link Glyphs} (which makes it
 * terminal-safe) and clipped to the screen, every style is drawn over the theme's base text
 * style. So no control character or escape sequence from a model or a session file can reach
 * the terminal, whatever a renderer passes in.
 */
public final class Painter {
    private final TextGraphics graphics;
    private final Palette palette;
    private final Theme theme;
    private final Style base;
    private final int cols;
    private final int rows;

    public Painter(TextGraphics graphics, Palette palette, Theme theme, int cols, int rows) {
        this.graphics = graphics;
        this.palette = palette;
        this.theme = theme;
        this.base = theme.style(Part.TEXT);
        this.cols = cols;
        this.rows = rows;
    }

    public Theme theme() {
        return theme;
    }

    public Style style(Part part) {
        return theme.style(part);
    }

    public int cols() {
        return cols;
    }

    public int rows() {
        return rows;
    }

    /** Blanks {@code width} cells from {@code col} on {@code row} in a style. */
    public void fill(int col, int row, int width, Style style) {
        for (int c = Math.max(0, col); c < Math.min(cols, col + width); c++) {
            put(c, row, " ", style);
        }
    }

    /**
     * Draws one glyph from {@link Glyphs#split} (or any single visible character); a wide glyph
     * that does not fit before the right edge is drawn as a blank. Returns the cells used.
     */
    public int put(int col, int row, String glyph, Style style) {
        int width = Glyphs.width(glyph);
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            return width;
        }
        String shown = width == 2 && col + 1 >= cols ? " " : glyph;
        Ink ink = palette.ink(style.over(base));
        graphics.setCharacter(col, row, TextCharacter.fromString(shown, ink.fg(), ink.bg(), ink.sgr())[0]);
        return width;
    }

    /** Draws text on one line from {@code col}, at most {@code max} cells; returns the column after it. */
    public int text(int col, int row, String text, Style style, int max) {
        int end = Math.min(cols, col + max);
        int c = col;
        for (Glyphs.Glyph g : Glyphs.split(text)) {
            String glyph = switch (g.text()) {
                case "\n" -> "↵";
                case "\t" -> "→";
                default -> g.text();
            };
            int w = Glyphs.width(glyph);
            if (c + w > end) {
                break;
            }
            put(c, row, glyph, style);
            c += w;
        }
        return c;
    }

    public int text(int col, int row, String text, Style style) {
        return text(col, row, text, style, cols - col);
    }

    /** Like {@link #text} but ends with … when the text does not fit. */
    public int clipped(int col, int row, String text, Style style, int max) {
        if (Glyphs.columns(text) <= max) {
            return text(col, row, text, style, max);
        }
        int end = text(col, row, text, style, Math.max(0, max - 1));
        return max > 0 ? end + put(end, row, "…", style) : end;
    }
}
