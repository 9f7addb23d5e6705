package dev.weft.tui.update;

import dev.weft.model.Capabilities;
import dev.weft.replay.Replay;
import dev.weft.session.BackendUse;
import dev.weft.session.JournalEntry;
import dev.weft.session.Session;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import java.time.Instant;

/**
 * The loom's screen at a step of a recording, as the user saw it then: the tree as it was, the
 * cursor where they had it, the sampling settings and the backend of the time, through the same
 * path as opening a session, with the view or overlay the journal says was open ({@link ShownView}).
 * The player keeps its own choices over it: help, and the terminal's size and look.
 */
public final class PlayerScreens {
    /** A recorded backend is a name; what it could do is not recorded, and the player asks nothing of it. */
    private static final Capabilities UNRECORDED = new Capabilities(0, false, false, false, false, false);

    private PlayerScreens() {}

    public static UiState at(Replay replay, int step, UiState shown) {
        Session session = replay.after(step);
        Focus focus = SessionFocus.of(session.loom(), session.view());
        Step opening = new Step(shown, Instant.EPOCH);
        SessionSettings.opened(opening, new Msg.SessionOpened(shown.session(), session.loom(), focus,
                session.view().settings()));
        UiState screen = opening.state.withMessage(null).withView(View.READ).withOverlay(Overlay.NONE)
                .withTree(opening.state.tree().withSelected(focus.current()));
        // the view and overlay the loom showed then; the player's own help stays over it
        screen = ShownView.apply(screen, session.view().settings().get(ShownView.KEY), replay, step);
        if (shown.overlay() instanceof Overlay.Help) {
            screen = screen.withOverlay(shown.overlay());
        }
        BackendUse use = backendAt(replay, step);
        if (use != null) {
            screen = screen.withSettings(screen.settings().withBackend(
                    new Backend(use.profile(), use.backend(), use.model(), UNRECORDED)));
        }
        return Viewport.follow(screen);
    }

    /** The backend the recording last switched to by {@code step}, or null before any. */
    private static BackendUse backendAt(Replay replay, int step) {
        for (int i = step; i >= 1; i--) {
            if (replay.entry(i) instanceof JournalEntry.BackendUsed b) {
                return b.use();
            }
        }
        return null;
    }
}
