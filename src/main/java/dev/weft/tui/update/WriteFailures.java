package dev.weft.tui.update;

import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Unrecorded;

/**
 * When the session cannot be written: the first change that could not be journaled stops every
 * generation (marked cut, in memory: nothing more piles up unrecorded), and from then on the
 * status bar and message line say what is only on screen until a whole save (:w) succeeds.
 */
final class WriteFailures {
    private WriteFailures() {}

    static void notRecorded(Step step, Msg.NotRecorded msg) {
        boolean first = !step.state.unrecorded().any();
        step.state = step.state.withUnrecorded(step.state.unrecorded().plus(msg.action(), msg.reason()));
        if (first) {
            Generations.cancelAll(step);
        }
        step.error(step.state.unrecorded().describe());
    }

    static void saved(Step step, Msg.Saved msg) {
        boolean had = step.state.unrecorded().any();
        step.state = step.state.withUnrecorded(Unrecorded.NONE);
        step.info("saved " + msg.name() + (had ? ": everything on screen is in the file again" : ""));
    }

    static void saveFailed(Step step, Msg.SaveFailed msg) {
        Unrecorded u = step.state.unrecorded();
        step.error("save failed: " + msg.reason() + (u.any() ? " · still " + u.changes()
                + (u.changes() == 1 ? " change" : " changes") + " (" + u.tokens() + " tokens) only on screen" : ""));
    }

    /** True when quitting must wait: the first q with changes only on screen warns instead. */
    static boolean holdQuit(Step step) {
        Unrecorded u = step.state.unrecorded();
        if (!u.any() || u.quitWarned()) {
            return false;
        }
        step.state = step.state.withUnrecorded(u.warnedOfQuit());
        step.error(u.changes() + (u.changes() == 1 ? " change" : " changes") + " (" + u.tokens()
                + " tokens) are not saved (" + u.reason() + "): :w saves them, q again quits without them");
        return true;
    }
}
