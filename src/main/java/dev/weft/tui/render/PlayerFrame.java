package dev.weft.tui.render;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.weft.replay.StepSummary;
import dev.weft.session.JournalEntry;
import dev.weft.tui.keys.Binding;
import dev.weft.tui.keys.Context;
import dev.weft.tui.layout.Areas;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.PlayerState;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The replay player's screen: the loom's screen at the step, drawn by the loom's renderers, and
 * on the bottom line, instead of the loom's key hints, the player's bar: playing or paused, the
 * step and when it happened, the speed, what the step did, and the player's keys. Pure.
 */
public final class PlayerFrame {
    private PlayerFrame() {}

    public static void render(PlayerState state, TextGraphics graphics, Palette palette) {
        UiState screen = state.screen();
        Frame.render(screen, graphics, palette);
        Areas areas = Areas.of(screen.size());
        if (areas.messageRow() < 0 || screen.overlay() instanceof Overlay.Help) {
            return; // help shows its own keys there
        }
        Painter p = new Painter(graphics, palette, screen.settings().theme(), screen.size().cols(),
                screen.size().rows());
        bar(state, p, areas.messageRow());
        p.flush();
    }

    private static void bar(PlayerState state, Painter p, int row) {
        Style plain = Style.PLAIN;
        Style accent = p.style(Part.STATUS_ACCENT);
        if (state.message() != null) {
            p.fill(0, row, p.cols(), plain);
            p.clipped(0, row, state.message().text(), p.style(state.message().error() ? Part.ERROR : Part.NOTICE),
                    p.cols());
            return;
        }
        List<Bar.Segment> s = new ArrayList<>();
        s.add(new Bar.Segment(state.playing() ? "▶ PLAY" : "❚❚ PAUSE", accent, 100, false));
        s.add(new Bar.Segment("step " + state.step() + "/" + state.replay().steps(), plain, 99, false));
        if (!state.typed().isEmpty()) {
            s.add(new Bar.Segment("jump to " + state.typed() + " (G)", accent, 98, false));
        }
        if (state.step() > 0) {
            s.add(new Bar.Segment(offset(state.replay().entry(1).at(), state.replay().entry(state.step()).at()),
                    plain, 60, false));
            // shortened to fit, never dropped: the kind, the node and the start of the text stay
            s.add(new Bar.Segment(summary(state), p.style(Part.MUTED), 40, false, SUMMARY_MIN));
            String unrecorded = dev.weft.tui.update.ShownView.unrecorded(state.replay().after(state.step()).view()
                    .settings().get(dev.weft.tui.update.ShownView.KEY));
            if (unrecorded != null) {
                s.add(new Bar.Segment(unrecorded, p.style(Part.NOTICE), 45, false)); // the description shortens first
            }
        }
        s.add(new Bar.Segment(state.speed().label(), plain, 70, true));
        int priority = 30; // the first hints are the ones to keep
        for (Binding b : state.screen().settings().keymap().bindings(Context.PLAYER)) {
            if (b.hint() && !b.keys().isEmpty()) {
                s.add(new Bar.Segment(b.keys().get(0).label() + " " + b.action().hint(), p.style(Part.HINT),
                        priority--, true));
            }
        }
        Bar.draw(p, row, s, plain);
    }

    /** Enough for "swap at #12 token 3: …": the kind and the node. */
    static final int SUMMARY_MIN = 16;

    private static String summary(PlayerState state) {
        int step = state.step();
        JournalEntry entry = state.replay().entry(step);
        return StepSummary.of(entry, state.replay().after(step - 1), state.replay().after(step)).text();
    }

    /** Time since the first step, +m:ss.s. */
    private static String offset(Instant first, Instant at) {
        long tenths = Math.max(0, Duration.between(first, at).toMillis() / 100);
        return String.format(Locale.ROOT, "+%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }
}
