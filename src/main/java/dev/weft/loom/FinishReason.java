package dev.weft.loom;

/** Why a generation ended. */
public enum FinishReason {
    /** Reached the token limit. */
    LENGTH,
    /** A stop string or end-of-text token. */
    STOP,
    /** Cancelled by the user or cut by a failure: the tokens that arrived are kept. */
    CUT,
    /** Still arriving. */
    RUNNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static FinishReason parse(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
}
