package dev.weft.tui.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cells wrapped to a width: greedy word wrap that breaks after spaces, hard-breaks words longer
 * than a line, lets a space hang past the edge rather than start a line, and expands tabs to
 * the next multiple of {@value #TAB}. Answers the questions both update (which token is a line
 * up?) and render (what is on line n?) ask.
 */
public final class ReadLayout {
    public static final int TAB = 4;

    /** Cells {@code [from, to)} of one screen line. */
    public record Line(int from, int to) {}

    private final List<Cell> cells;
    private final int[] column;
    private final int[] widths;
    private final int[] lineOf;
    private final List<Line> lines = new ArrayList<>();
    private int[] firstCellOfToken;

    private ReadLayout(List<Cell> cells, int width) {
        this.cells = cells;
        int n = cells.size();
        column = new int[n];
        widths = new int[n];
        lineOf = new int[n];
        wrap(Math.max(width, 2));
    }

    public static ReadLayout wrap(List<Cell> cells, int width) {
        return new ReadLayout(List.copyOf(cells), width);
    }

    private void wrap(int width) {
        int lineStart = 0;
        int col = 0;
        int breakAt = -1;
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            int w = c.kind() == Cell.Kind.TAB ? TAB - col % TAB : c.width();
            if (col + w > width && col > 0 && !c.isSpace()) {
                int from = breakAt > lineStart ? breakAt : i;
                endLine(lineStart, from);
                lineStart = from;
                col = place(from, i);
                breakAt = -1;
                w = c.kind() == Cell.Kind.TAB ? TAB - col % TAB : c.width();
            }
            column[i] = col;
            widths[i] = w;
            lineOf[i] = lines.size();
            col += w;
            if (c.isSpace()) {
                breakAt = i + 1;
            }
            if (c.kind() == Cell.Kind.NEWLINE) {
                endLine(lineStart, i + 1);
                lineStart = i + 1;
                col = 0;
                breakAt = -1;
            }
        }
        if (lineStart < cells.size() || lines.isEmpty()) {
            endLine(lineStart, cells.size());
        }
    }

    /** Lays cells [from, to) at the start of a new line; returns the column after them. */
    private int place(int from, int to) {
        int col = 0;
        for (int j = from; j < to; j++) {
            Cell c = cells.get(j);
            int w = c.kind() == Cell.Kind.TAB ? TAB - col % TAB : c.width();
            column[j] = col;
            widths[j] = w;
            lineOf[j] = lines.size();
            col += w;
        }
        return col;
    }

    private void endLine(int from, int to) {
        lines.add(new Line(from, to));
    }

    public List<Cell> cells() {
        return cells;
    }

    public int lineCount() {
        return lines.size();
    }

    public Line line(int n) {
        return lines.get(n);
    }

    public int column(int cell) {
        return column[cell];
    }

    public int width(int cell) {
        return widths[cell];
    }

    public int lineOfCell(int cell) {
        return cells.isEmpty() ? 0 : lineOf[Math.min(cell, cells.size() - 1)];
    }

    /**
     * The cell where path token {@code token} is: its first glyph that is not a space (a leading
     * space may hang at the end of the line before), or the next cell for a token with no glyph.
     */
    public int cellOfToken(int token) {
        if (firstCellOfToken == null) {
            firstCellOfToken = indexTokens();
        }
        if (token < 0 || firstCellOfToken.length == 0) {
            return 0;
        }
        return firstCellOfToken[Math.min(token, firstCellOfToken.length - 1)];
    }

    public int lineOfToken(int token) {
        return lineOfCell(cellOfToken(token));
    }

    /** The cell showing editor char {@code offset}, or the first after it. */
    public int cellOfEditorChar(int offset) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).editorChar() >= offset) {
                return i;
            }
        }
        return Math.max(0, cells.size() - 1);
    }

    /** The path token at or left of {@code col} on {@code line}; -1 when the line shows no token. */
    public int tokenAt(int line, int col) {
        return refAt(line, col, false);
    }

    /** The editor offset at or left of {@code col} on {@code line}; -1 when the line shows no editor text. */
    public int editorCharAt(int line, int col) {
        return refAt(line, col, true);
    }

    private int refAt(int line, int col, boolean editor) {
        Line l = lines.get(Math.max(0, Math.min(line, lines.size() - 1)));
        int found = -1;
        for (int i = l.from(); i < l.to(); i++) {
            int ref = editor ? cells.get(i).editorChar() : cells.get(i).token();
            if (ref < 0) {
                continue;
            }
            if (found < 0 || column[i] <= col) {
                found = ref;
            }
            if (column[i] + widths[i] > col) {
                break;
            }
        }
        return found;
    }

    private int[] indexTokens() {
        int max = -1;
        for (Cell c : cells) {
            max = Math.max(max, c.token());
        }
        int[] first = new int[max + 2];
        Arrays.fill(first, -1);
        for (int i = 0; i < cells.size(); i++) {
            int t = cells.get(i).token();
            if (t >= 0 && (first[t] < 0 || cells.get(first[t]).isSpace() && !cells.get(i).isSpace())) {
                first[t] = i; // a token's place is its first visible glyph: " brown" is where "b" is
            }
        }
        int next = cells.size() - 1;
        for (int t = first.length - 1; t >= 0; t--) {
            if (first[t] < 0) {
                first[t] = Math.max(next, 0);
            } else {
                next = first[t];
            }
        }
        return first;
    }
}
