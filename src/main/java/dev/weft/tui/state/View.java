package dev.weft.tui.state;

import dev.weft.tui.keys.Context;

/** The full-screen views. Overlays (popup, editor, search prompt, help) sit on top of one. */
public enum View {
    READ(Context.READ),
    SIBLINGS(Context.SIBLINGS),
    TREE(Context.TREE);

    private final Context context;

    View(Context context) {
        this.context = context;
    }

    public Context context() {
        return context;
    }
}
