package dev.weft.model;

/** A backend failure with a one-line message fit for a status bar or stderr (never contains a key). */
public class ModelException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
