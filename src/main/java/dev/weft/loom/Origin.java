package dev.weft.loom;

/** Where a node's text came from. */
public enum Origin {
    /** Text the user gave as the start of a tree. */
    PROMPT,
    /** Sampled from a model. */
    MODEL,
    /** A manual perturbation: the user edited the text. */
    EDIT,
    /** An alternative token chosen at a position instead of the sampled one. */
    SWAP;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Origin parse(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
}
