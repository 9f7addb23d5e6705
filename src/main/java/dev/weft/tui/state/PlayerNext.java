package dev.weft.tui.state;

import java.util.List;

/** What the player's update returns: the next state and the effects to run. */
public record PlayerNext(PlayerState state, List<PlayerEffect> effects) {
    public PlayerNext {
        effects = List.copyOf(effects);
    }
}
