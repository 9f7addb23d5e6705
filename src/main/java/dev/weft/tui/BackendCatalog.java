package dev.weft.tui;

import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import java.util.List;

/** The backends {@code :set backend NAME} can switch to (config profiles and the embedded model). */
public interface BackendCatalog {

    /** Names to offer in completion. */
    List<String> names();

    /** Opens a backend by name; may be slow (loading, probing a server), so it is called off the UI thread. */
    LanguageModel open(String name) throws ModelException;

    /**
     * Remembers the answer to the start screen's offer of a model file (in the config file), so
     * that a yes is the backend from the next start on and a no is not asked again.
     */
    default void rememberOffer(dev.weft.tui.state.ModelOffer offer, boolean accepted) throws ModelException {}

    /** Only the model weft was started with. */
    static BackendCatalog only(String name, LanguageModel model) {
        return new BackendCatalog() {
            @Override
            public List<String> names() {
                return List.of(name);
            }

            @Override
            public LanguageModel open(String wanted) throws ModelException {
                if (!wanted.equals(name)) {
                    throw new ModelException("no backend '" + wanted + "' (backends: " + name + ")");
                }
                return model;
            }
        };
    }
}
