package dev.weft.tui;

import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.choice.ModelChoice;
import dev.weft.model.choice.Reach;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The backends the model picker and {@code :set backend NAME} can switch to (config profiles, the embedded model, model files). */
public interface BackendCatalog {

    /** Names to offer in completion. */
    default List<String> names() {
        return choices().stream().map(ModelChoice::name).toList();
    }

    /** What the picker lists, as far as it is known now (without probing anything). */
    List<ModelChoice> choices();

    /** Completes when the search for local model files is over ({@link #choices} then holds them all). */
    default CompletableFuture<?> searched() {
        return CompletableFuture.completedFuture(null);
    }

    /** Whether a choice answers (the doctor's probe); may be slow, so it is called off the UI thread. */
    default Reach reach(ModelChoice choice) {
        return choice.reach();
    }

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
            public List<ModelChoice> choices() {
                return List.of(new ModelChoice(name, ModelChoice.Kind.EMBEDDED, model.backend() + " · " + model.model(),
                        Reach.ready("in process")));
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
