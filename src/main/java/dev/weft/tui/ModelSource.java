package dev.weft.tui;

import dev.weft.model.Capabilities;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.http.Notices;

/**
 * Opens a model when it is first needed (the embedded model trains or loads its cache then).
 * What it has to tell the user (trained in 4 s, the cache could not be written) goes to
 * {@code notices}: standard error before the full screen starts, the message line after.
 */
@FunctionalInterface
public interface ModelSource {
    LanguageModel open(Notices notices) throws ModelException;

    /** What the model is, known without opening it (the loom comes up while it loads), or null. */
    default Preview preview() {
        return null;
    }

    /** A model's identity before it is open. */
    record Preview(String backend, String model, Capabilities capabilities) {}
}
