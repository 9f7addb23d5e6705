package dev.weft.model.local;

/** The tools whose downloaded models weft lists, and the config's own folders. */
public enum LocalStore {
    OLLAMA("ollama"),
    HUGGING_FACE("huggingface"),
    LM_STUDIO("lmstudio"),
    LLAMA_CPP("llama.cpp"),
    CONFIG("config");

    public final String label;

    LocalStore(String label) {
        this.label = label;
    }
}
