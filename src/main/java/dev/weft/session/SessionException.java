package dev.weft.session;

/**
 * A session could not be opened, recorded to or saved. The message is one line that names
 * the file (and, for a parse error, the line and column) and says why, so the CLI and the
 * TUI can show it as it is.
 */
public final class SessionException extends Exception {
    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
