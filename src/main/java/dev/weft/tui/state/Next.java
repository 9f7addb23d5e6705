package dev.weft.tui.state;

import java.util.List;

/** What update returns: the next state and the effects to run. */
public record Next(UiState state, List<Effect> effects) {
    public Next {
        effects = List.copyOf(effects);
    }

    public static Next of(UiState state) {
        return new Next(state, List.of());
    }
}
