package dev.weft.model.http;

/** A response that is JSON but not in any layout the backend knows; the message names the field. */
public final class LayoutException extends Exception {
    private static final long serialVersionUID = 1L;

    public LayoutException(String message) {
        super(message);
    }
}
