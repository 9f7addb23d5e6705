package dev.weft.tui.state;

import dev.weft.replay.Replay;
import java.nio.file.Path;

/**
 * Everything the replay player shows, as one value: the step of the recording it stands at
 * (0 = before the first), whether it plays and how fast, the digits of a jump being typed, and
 * the loom's screen as the user saw it at that step, which the loom's own renderers draw.
 *
 * @param tick    the number of the play timer in flight; pausing or moving makes a new one, so
 *                a late tick of the old one is ignored
 * @param message a line for the bar until the next key, or null
 * @param forked  the session taken over, once written: the loom opens on it when the player closes
 */
public record PlayerState(Replay replay, int step, boolean playing, Speed speed, long tick, String typed,
                          UiState screen, Message message, boolean quitting, Path forked) {

    public static PlayerState initial(Replay replay, UiState screen) {
        return new PlayerState(replay, 0, false, Speed.NORMAL, 0, "", screen, null, false, null);
    }

    public boolean atEnd() {
        return step == replay.steps();
    }

    public PlayerState at(int s, UiState shown) {
        return new PlayerState(replay, s, playing, speed, tick, typed, shown, message, quitting, forked);
    }

    public PlayerState withPlaying(boolean p, long t) {
        return new PlayerState(replay, step, p, speed, t, typed, screen, message, quitting, forked);
    }

    public PlayerState withSpeed(Speed s) {
        return new PlayerState(replay, step, playing, s, tick, typed, screen, message, quitting, forked);
    }

    public PlayerState withTyped(String digits) {
        return new PlayerState(replay, step, playing, speed, tick, digits, screen, message, quitting, forked);
    }

    public PlayerState withScreen(UiState s) {
        return new PlayerState(replay, step, playing, speed, tick, typed, s, message, quitting, forked);
    }

    public PlayerState withMessage(Message m) {
        return new PlayerState(replay, step, playing, speed, tick, typed, screen, m, quitting, forked);
    }

    public PlayerState quit(Path fork) {
        return new PlayerState(replay, step, false, speed, tick, typed, screen, message, true, fork);
    }
}
