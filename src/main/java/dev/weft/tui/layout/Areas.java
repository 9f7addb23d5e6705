package dev.weft.tui.layout;

import dev.weft.tui.state.Size;

/**
 * Where things go on the screen: the body on top, then the status bar, then the message line
 * (key hints when there is no message). Below three rows only the body is left.
 */
public record Areas(int cols, int bodyRows, int statusRow, int messageRow) {

    public static Areas of(Size size) {
        if (size.rows() < 3) {
            return new Areas(size.cols(), size.rows(), -1, -1);
        }
        return new Areas(size.cols(), size.rows() - 2, size.rows() - 2, size.rows() - 1);
    }
}
