package dev.weft.tui.state;

/** The first line shown by each scrolling view. */
public record Scroll(int read, int siblings) {
    public static final Scroll TOP = new Scroll(0, 0);

    public Scroll withRead(int line) {
        return new Scroll(Math.max(0, line), siblings);
    }

    public Scroll withSiblings(int line) {
        return new Scroll(read, Math.max(0, line));
    }
}
