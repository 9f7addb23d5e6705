package dev.weft.model.gguf;

import dev.weft.model.ModelException;

/** A GGUF file weft cannot use: the message names the file and what is wrong or unsupported. */
public final class GgufException extends ModelException {
    private static final long serialVersionUID = 1L;

    public GgufException(String message) {
        super(message);
    }
}
