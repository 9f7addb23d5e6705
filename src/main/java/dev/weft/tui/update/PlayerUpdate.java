package dev.weft.tui.update;

import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.Context;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.state.Message;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.PlayerEffect;
import dev.weft.tui.state.PlayerMsg;
import dev.weft.tui.state.PlayerNext;
import dev.weft.tui.state.PlayerState;
import dev.weft.tui.state.Speed;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The replay player's update: pure, like the loom's. Keys go through the keymap's player table
 * (digits type the step a jump goes to); while help is open they go to the loom's help keys.
 * Playing is a chain of waits: each step asks for the next tick after the recorded pause, and a
 * tick whose number is not the current one (paused, moved, sped up since) is dropped.
 */
public final class PlayerUpdate {
    private static final int MOST_DIGITS = 9;

    private PlayerUpdate() {}

    public static PlayerNext update(PlayerState state, PlayerMsg msg) {
        List<PlayerEffect> effects = new ArrayList<>();
        PlayerState next = route(state, msg, effects);
        return new PlayerNext(next, effects);
    }

    private static PlayerState route(PlayerState s, PlayerMsg msg, List<PlayerEffect> effects) {
        if (msg instanceof PlayerMsg.Resized r) {
            return s.withScreen(Viewport.follow(s.screen().withSize(r.size())));
        }
        if (msg instanceof PlayerMsg.Tick t) {
            return t.tick() == s.tick() && s.playing() ? advance(s, effects) : s;
        }
        if (msg instanceof PlayerMsg.Forked f) {
            return s.quit(f.file());
        }
        if (msg instanceof PlayerMsg.ForkFailed f) {
            return s.withMessage(Message.error("could not take over: " + f.reason()));
        }
        return key(s.withMessage(null), ((PlayerMsg.Key) msg).key(), effects);
    }

    private static PlayerState key(PlayerState s, KeySpec key, List<PlayerEffect> effects) {
        if (s.screen().overlay() instanceof Overlay.Help) {
            return s.withScreen(Update.update(s.screen(), new Msg.Key(key, Instant.EPOCH)).state());
        }
        Action action = s.screen().settings().keymap().action(Context.PLAYER, key).orElse(null);
        if (action == null) {
            boolean digit = key.character() >= '0' && key.character() <= '9' && !key.ctrl() && !key.alt();
            return digit && s.typed().length() < MOST_DIGITS ? s.withTyped(s.typed() + key.character()) : s;
        }
        String typed = s.typed();
        s = s.withTyped("");
        switch (action) {
            case PLAY_PAUSE -> {
                return s.playing() ? pause(s) : play(s, effects);
            }
            case STEP_FORWARD -> {
                return go(pause(s), s.step() + 1);
            }
            case STEP_BACK -> {
                return go(pause(s), s.step() - 1);
            }
            case FIRST_STEP -> {
                return go(pause(s), 0);
            }
            case JUMP -> {
                return go(pause(s), typed.isEmpty() ? s.replay().steps() : Integer.parseInt(typed));
            }
            case FASTER, SLOWER -> {
                Speed speed = action == Action.FASTER ? s.speed().faster() : s.speed().slower();
                PlayerState paced = s.withSpeed(speed).withMessage(Message.info("speed " + speed.label()));
                return paced.playing() ? play(pause(paced), effects) : paced; // the new pace from now on
            }
            case TREE_VIEW -> {
                // a look at the tree (or back) at this step; the next step shows what the loom showed
                boolean tree = s.screen().view() == View.TREE && s.screen().overlay() == Overlay.NONE;
                UiState screen = s.screen().withView(tree ? View.READ : View.TREE).withOverlay(Overlay.NONE);
                return s.withScreen(Viewport.follow(screen));
            }
            case HELP -> {
                return s.withScreen(s.screen().withOverlay(new Overlay.Help(0)));
            }
            case TAKE_OVER -> {
                effects.add(new PlayerEffect.Fork(s.step()));
                return pause(s).withMessage(Message.info("taking over at step " + s.step() + "…"));
            }
            case LEAVE_PLAYER -> {
                return s.quit(null);
            }
            default -> {
                return s;
            }
        }
    }

    private static PlayerState play(PlayerState s, List<PlayerEffect> effects) {
        if (s.atEnd()) {
            return s.withMessage(Message.info("the end of the recording; g goes back to the first step"));
        }
        PlayerState playing = s.withPlaying(true, s.tick() + 1);
        effects.add(new PlayerEffect.Wait(playing.tick(), playing.speed().delay(pauseBefore(s, s.step() + 1))));
        return playing;
    }

    private static PlayerState pause(PlayerState s) {
        return s.playing() ? s.withPlaying(false, s.tick() + 1) : s;
    }

    /** One step of play: show it, and wait for the next (or stop at the end). */
    private static PlayerState advance(PlayerState s, List<PlayerEffect> effects) {
        PlayerState moved = go(s, s.step() + 1);
        if (moved.atEnd()) {
            return moved.withPlaying(false, moved.tick() + 1)
                    .withMessage(Message.info("the end of the recording: " + moved.step() + " steps"));
        }
        Duration pause = moved.speed().delay(pauseBefore(moved, moved.step() + 1));
        effects.add(new PlayerEffect.Wait(moved.tick(), pause));
        return moved;
    }

    private static PlayerState go(PlayerState s, int step) {
        int to = Math.max(0, Math.min(s.replay().steps(), step));
        return to == s.step() ? s : s.at(to, PlayerScreens.at(s.replay(), to, s.screen()));
    }

    /** How long after the step before it step {@code step} was recorded (the first one comes at once). */
    private static Duration pauseBefore(PlayerState s, int step) {
        return step <= 1 ? Duration.ZERO
                : Duration.between(s.replay().entry(step - 1).at(), s.replay().entry(step).at());
    }
}
