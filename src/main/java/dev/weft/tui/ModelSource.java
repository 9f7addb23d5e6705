package dev.weft.tui;

import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;

/** Opens a model when it is first needed (the embedded model trains or loads its cache then). */
@FunctionalInterface
public interface ModelSource {
    LanguageModel open() throws ModelException;
}
