package dev.weft.tui.update;

import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Message;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.UiState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The work of one update: the state so far and the effects asked for. A loom change is applied
 * to the state and journaled in the same call, so the two cannot drift apart. Lives only inside
 * {@link Update#update}; the function as a whole stays pure.
 */
final class Step {
    UiState state;
    final Instant now;
    private final List<Effect> effects = new ArrayList<>();
    /** An error was reported: for a user's action, that is a refusal (see {@link Update#update}). */
    private boolean refused;

    Step(UiState state, Instant now) {
        this.state = state;
        this.now = now;
    }

    /** Applies a loom action to the state and journals it. */
    Loom.Result apply(LoomAction action) {
        Loom.Result result = action.apply(state.loom());
        state = state.withLoom(result.loom());
        effects.add(new Effect.Journal(action));
        return result;
    }

    void effect(Effect e) {
        effects.add(e);
    }

    long newRequest() {
        long id = state.nextRequest();
        state = state.withNextRequest(id + 1);
        return id;
    }

    void info(String text) {
        state = state.withMessage(Message.info(text));
    }

    void error(String text) {
        state = state.withMessage(Message.error(text));
        refused = true;
    }

    boolean refused() {
        return refused;
    }

    Next next() {
        return new Next(state, effects);
    }
}
