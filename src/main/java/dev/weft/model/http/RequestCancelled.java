package dev.weft.model.http;

import dev.weft.model.ModelException;

/** The user cancelled before the server answered; callers keep what they have and mark it cut. */
public final class RequestCancelled extends ModelException {
    private static final long serialVersionUID = 1L;

    public RequestCancelled(String message) {
        super(message);
    }
}
