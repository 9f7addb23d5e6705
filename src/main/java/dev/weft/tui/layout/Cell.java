package dev.weft.tui.layout;

/**
 * One glyph of laid-out text.
 *
 * @param token      the path token it belongs to, or -1 for decoration and editor text
 * @param node       the path index of the node it belongs to, or -1
 * @param editorChar the editor's char offset it shows, or -1 outside the editor
 */
public record Cell(String glyph, int width, Kind kind, int token, int node, int editorChar) {

    public enum Kind {
        /** Text; a space is where lines may break. */
        GLYPH,
        /** A line break; shown blank, or as ↵ under the cursor. */
        NEWLINE,
        /** A tab: blank to the next tab stop. */
        TAB,
        /** Where one node ends and the next begins. */
        BOUNDARY,
        /** After a node whose generation was cut short. */
        CUT,
        /** After a node still being generated. */
        RUNNING
    }

    public boolean isSpace() {
        return kind == Kind.GLYPH && glyph.equals(" ");
    }
}
