package dev.weft.tui.state;

import dev.weft.loom.LoomAction;

/**
 * What the screen shows that the session file and journal do not hold: the changes whose
 * journal entries could not be written (a full disk, a failing device), counted so the status
 * bar can say exactly what a crash now would lose, until a whole save (:w) writes them.
 *
 * @param changes    loom changes not recorded
 * @param tokens     tokens among them (generated or typed)
 * @param reason     why the first one failed, as the writer said it
 * @param quitWarned q was pressed once and warned; the next q quits without them
 */
public record Unrecorded(int changes, long tokens, String reason, boolean quitWarned) {
    public static final Unrecorded NONE = new Unrecorded(0, 0, null, false);

    public boolean any() {
        return reason != null;
    }

    /** One more change that could not be recorded; the first failure's reason is kept. */
    public Unrecorded plus(LoomAction action, String why) {
        return new Unrecorded(changes + 1, tokens + tokensOf(action), reason == null ? why : reason, false);
    }

    public Unrecorded warnedOfQuit() {
        return new Unrecorded(changes, tokens, reason, true);
    }

    /** For the status bar: short. */
    public String badge() {
        return "NOT SAVED: " + changes + (changes == 1 ? " change" : " changes");
    }

    /** For the message line: what is only on screen, why, and what to do. */
    public String describe() {
        return "not recorded: " + changes + (changes == 1 ? " change" : " changes") + " (" + tokens
                + (tokens == 1 ? " token" : " tokens") + ") are only on screen: " + reason + " · :w saves everything";
    }

    private static long tokensOf(LoomAction action) {
        if (action instanceof LoomAction.Extend e) {
            return e.tokens().size();
        }
        if (action instanceof LoomAction.Append a) {
            return a.tokens().size();
        }
        if (action instanceof LoomAction.AddRoot r) {
            return r.tokens().size();
        }
        if (action instanceof LoomAction.Rescore r) {
            return r.tokens().size();
        }
        return 0;
    }
}
