package dev.weft.exchange;

/**
 * A foreign file could not be imported. The message is one line naming the file and, for a value
 * that is wrong, its JSON path: {@code tree.json: $.root.children[2].text: expected a string}.
 */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
