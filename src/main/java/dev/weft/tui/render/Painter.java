package dev.weft.tui.render;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.weft.tui.layout.Glyphs;
import dev.weft.tui.theme.Ink;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import dev.weft.tui.theme.Theme;
import java.util.HashMap;
import java.util.Map;

/**
 * The only way renderers draw: every string is split by {@link Glyphs} (which makes it
 * terminal-safe) and clipped to the screen, every style is drawn over the theme's base text
 * style. So no control character or escape sequence from a model or a session file can reach
 * the terminal, whatever a renderer passes in.
 *
 * <p>A frame is drawn into a grid of its own and {@link #flush flushed} to the screen's back
 * buffer at the end, cell by cell, only where the cell changed: renderers may paint a cell
 * several times (a blank, then text, then the cursor), and setting a cell in Lanterna costs a
 * width measurement every time.
 */
public final class Painter {
    private final TextGraphics graphics;
    private final Palette palette;
    private final Theme theme;
    private final Style base;
    private final int cols;
    private final int rows;
    /** Styles drawn over the base, turned into inks once per frame. */
    private final Map<Style, Ink> inks = new HashMap<>();
    private final TextCharacter[] grid;
    /** The right half of a wide glyph: the screen draws it with the glyph on its left. */
    private final boolean[] covered;
    private final Grid cells;

    /**
     * A frame's cells, handed from one frame to the next on the drawing thread: a frame at 200x50
     * would otherwise allocate 50 KB of arrays on every key. A painter made while another holds
     * the grid makes its own.
     */
    private record Grid(TextCharacter[] grid, boolean[] covered) {}

    private static final ThreadLocal<Grid> SPARE = new ThreadLocal<>();

    public Painter(TextGraphics graphics, Palette palette, Theme theme, int cols, int rows) {
        this.graphics = graphics;
        this.palette = palette;
        this.theme = theme;
        this.base = theme.style(Part.TEXT);
        this.cols = cols;
        this.rows = rows;
        Grid spare = SPARE.get();
        if (spare != null && spare.grid().length == cols * rows) {
            SPARE.remove();
            java.util.Arrays.fill(spare.grid(), null);
            java.util.Arrays.fill(spare.covered(), false);
            this.cells = spare;
        } else {
            this.cells = new Grid(new TextCharacter[cols * rows], new boolean[cols * rows]);
        }
        this.grid = cells.grid();
        this.covered = cells.covered();
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
        if (row < 0 || row >= rows) {
            return;
        }
        TextCharacter blank = palette.character(" ", ink(style));
        for (int c = Math.max(0, col); c < Math.min(cols, col + width); c++) {
            set(row * cols + c, blank, false);
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
        boolean wide = width == 2 && col + 1 < cols;
        set(row * cols + col, palette.character(width == 2 && !wide ? " " : glyph, ink(style)), wide);
        return width;
    }

    private Ink ink(Style style) {
        Ink ink = inks.get(style);
        if (ink == null) { // not computeIfAbsent: its lambda would capture this painter on every cell
            ink = palette.ink(style.over(base));
            inks.put(style, ink);
        }
        return ink;
    }

    /** Writes the frame's cells that differ from the back buffer (cached cells compare by identity). */
    public void flush() {
        for (int i = 0; i < grid.length; i++) {
            int col = i % cols;
            int row = i / cols;
            if (!covered[i] && grid[i] != null && graphics.getCharacter(col, row) != grid[i]) {
                graphics.setCharacter(col, row, grid[i]);
            }
        }
        SPARE.set(cells); // this frame is drawn: the next one may have its cells
    }

    private void set(int i, TextCharacter c, boolean wide) {
        if (covered[i]) {
            covered[i] = false;
            grid[i - 1] = grid[i - 1].withCharacter(' ');
        }
        if (i % cols + 1 < cols && covered[i + 1]) {
            covered[i + 1] = false;
            grid[i + 1] = c.withCharacter(' ');
        }
        grid[i] = c;
        if (wide) {
            covered[i + 1] = true;
            grid[i + 1] = null;
        }
    }

    /** Draws text on one line from {@code col}, at most {@code max} cells; returns the column after it. */
    public int text(int col, int row, String text, Style style, int max) {
        int end = Math.min(cols, col + max);
        if (Glyphs.isPrintableAscii(text)) { // most text: one cell per char, no glyph list
            int n = Math.max(0, Math.min(text.length(), end - col));
            if (row >= 0 && row < rows && n > 0) {
                Ink ink = ink(style);
                for (int k = Math.max(0, -col); k < n; k++) {
                    set(row * cols + col + k, palette.character(Glyphs.ascii(text.charAt(k)), ink), false);
                }
            }
            return col + n;
        }
        int c = col;
        java.util.List<Glyphs.Glyph> glyphs = Glyphs.splitKept(text);
        for (int k = 0; k < glyphs.size(); k++) { // by index: no iterator per string drawn
            Glyphs.Glyph g = glyphs.get(k);
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
