package dev.weft.tui.update;

import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.Context;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.Message;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Request;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import java.time.Instant;

/**
 * The pure heart of the UI: {@code update(state, msg)} gives the next state and the effects to
 * run. Keys go through the keymap of the open overlay, else of the view; backend results go to
 * the request they answer (and are dropped when it is gone).
 */
public final class Update {
    private Update() {}

    public static Next update(UiState state, Msg msg) {
        Step step = new Step(state, timeOf(msg));
        try {
            route(step, msg);
        } catch (IllegalArgumentException e) {
            // a loom operation refused (it validates its arguments): keep the state, say why
            return Next.of(Viewport.follow(state.withMessage(Message.error(e.getMessage()))));
        }
        if (step.refused() && step.state.loom() != state.loom() && isUserAction(msg)) {
            // a refused action changes nothing: a check that failed after an earlier step of the
            // same action (split, then "still arriving") must not leave that step behind
            return Next.of(Viewport.follow(state.withMessage(step.state.message())));
        }
        Marking.markShownRead(step, state);
        step.state = Viewport.follow(step.state);
        return step.next();
    }

    private static void route(Step step, Msg msg) {
        if (msg instanceof Msg.Key key) {
            step.state = step.state.withMessage(null);
            key(step, key);
        } else if (msg instanceof Msg.Resized r) {
            step.state = step.state.withSize(r.size());
        } else if (msg instanceof Msg.TokensArrived t) {
            Generations.arrived(step, t);
        } else if (msg instanceof Msg.GenerationDone d) {
            Generations.done(step, d);
        } else if (msg instanceof Msg.GenerationFailed f) {
            Generations.failed(step, f);
        } else if (msg instanceof Msg.Scored s) {
            Edits.scored(step, s);
        } else if (msg instanceof Msg.ScoreFailed f) {
            Edits.scoreFailed(step, f);
        } else if (msg instanceof Msg.MultiverseExpanded m) {
            MultiverseKeys.arrived(step, m);
        } else if (msg instanceof Msg.SweepRowArrived r) {
            SweepKeys.arrived(step, r);
        } else if (msg instanceof Msg.CandidatesScored c) {
            DistributionKeys.arrived(step, c);
        } else if (msg instanceof Msg.AnalysisFailed f) {
            if (step.state.requests().get(f.request()) instanceof Request.ScoringCandidates) {
                DistributionKeys.failed(step, f);
            } else if (step.state.requests().get(f.request()) instanceof Request.Sweeping) {
                SweepKeys.failed(step, f);
            } else {
                MultiverseKeys.failed(step, f);
            }
        } else if (msg instanceof Msg.CommandEntered c) {
            Commands.run(step, c.line());
        } else if (msg instanceof Msg.CommandLineData d) {
            CommandLineKeys.data(step, d);
        } else if (msg instanceof Msg.FileNames f) {
            CommandLineKeys.files(step, f);
        } else if (msg instanceof Msg.ExternallyEdited e) {
            ExternalEdits.edited(step, e);
        } else if (msg instanceof Msg.Resumed) {
            step.info("back from the shell · your work was saved as you went");
        } else if (msg instanceof Msg.ThemeLoaded t) {
            step.state = step.state.withSettings(step.state.settings().withTheme(t.theme()));
            step.info("theme " + t.theme().name());
        } else if (msg instanceof Msg.BackendSwitched b) {
            ModelPickerKeys.switched(step, b);
        } else if (msg instanceof Msg.BackendNotSwitched b) {
            ModelPickerKeys.notSwitched(step, b);
        } else if (msg instanceof Msg.OfferSessions o) {
            SessionPickerKeys.offer(step, o);
        } else if (msg instanceof Msg.SessionsListed l) {
            SessionPickerKeys.listed(step, l);
        } else if (msg instanceof Msg.SessionRead r) {
            SessionPickerKeys.read(step, r);
        } else if (msg instanceof Msg.ModelsListed l) {
            ModelPickerKeys.listed(step, l);
        } else if (msg instanceof Msg.ModelReached r) {
            ModelPickerKeys.reached(step, r);
        } else if (msg instanceof Msg.ModelOffered o) {
            OfferKeys.offered(step, o);
        } else if (msg instanceof Msg.CacheReported c) {
            Backend current = step.state.settings().backend();
            if (current.name().equals(c.backend())) {
                // a report from a backend switched away from since is dropped
                step.state = step.state.withSettings(step.state.settings().withBackend(current.withCache(c.stats())));
            }
        } else if (msg instanceof Msg.SessionOpened o) {
            SessionSettings.opened(step, o);
        } else if (msg instanceof Msg.CompareArrived c) {
            CompareKeys.arrived(step, c);
        } else if (msg instanceof Msg.CompareFailed f) {
            CompareKeys.failed(step, f);
        } else if (msg instanceof Msg.CompareFileRead r) {
            CompareFileKeys.read(step, r);
        } else if (msg instanceof Msg.NotRecorded n) {
            WriteFailures.notRecorded(step, n);
        } else if (msg instanceof Msg.Saved v) {
            WriteFailures.saved(step, v);
        } else if (msg instanceof Msg.SaveFailed f) {
            WriteFailures.saveFailed(step, f);
        } else if (msg instanceof Msg.SearchDone d) {
            Searching.found(step, d);
        } else if (msg instanceof Msg.Notice n) {
            step.info(n.text());
        } else if (msg instanceof Msg.Failure f) {
            step.error(f.reason());
        }
    }

    private static void key(Step step, Msg.Key key) {
        Overlay overlay = step.state.overlay();
        Context context = overlay.context() != null ? overlay.context() : step.state.view().context();
        Action action = step.state.settings().keymap().action(context, key.key()).orElse(null);
        if (overlay instanceof Overlay.Editor e) {
            EditorKeys.handle(step, e, action, key.key());
        } else if (overlay instanceof Overlay.Command c) {
            CommandLineKeys.handle(step, c, action, key.key());
        } else if (overlay instanceof Overlay.SearchPrompt s) {
            Searching.handle(step, s, action, key.key());
        } else if (overlay instanceof Overlay.Alternatives a) {
            AlternativesKeys.handle(step, a, action);
        } else if (overlay instanceof Overlay.Help h) {
            HelpKeys.handle(step, h, action);
        } else if (overlay instanceof Overlay.Offer o) {
            if (!OfferKeys.handle(step, o, action)) {
                key(step, key); // the offer is closed: the key does what it does in the view
            }
        } else if (overlay instanceof Overlay.Multiverse m) {
            MultiverseKeys.handle(step, m, action);
        } else if (overlay instanceof Overlay.Compare c) {
            CompareKeys.handle(step, c, action);
        } else if (overlay instanceof Overlay.CompareFile c) {
            CompareFileKeys.handle(step, c, action);
        } else if (overlay instanceof Overlay.Convergence c) {
            ConvergenceKeys.handle(step, c, action);
        } else if (overlay instanceof Overlay.Sweep w) {
            SweepKeys.handle(step, w, action);
        } else if (overlay instanceof Overlay.Distribution d) {
            DistributionKeys.handle(step, d, action);
        } else if (overlay instanceof Overlay.Models m) {
            ModelPickerKeys.handle(step, m.picker(), action);
        } else if (overlay instanceof Overlay.Sessions p) {
            SessionPickerKeys.handle(step, p.picker(), action, key.key());
        } else if (action == Action.GENERATE_N) {
            generateCount(step, key.key());
        } else if (action != null) {
            viewKey(step, action);
        } else {
            step.info(key.key().label() + " is not bound · ? lists the keys");
        }
    }

    /** A digit bound to generate-n: that many children of the anchor node now. */
    private static void generateCount(Step step, dev.weft.tui.keys.KeySpec key) {
        int n = key.isText() && Character.isDigit(key.character()) ? Character.digit(key.character(), 10) : 0;
        if (n < 1) {
            step.error(key.label() + " is bound to generate-n, which takes the digits 1 to 9");
            return;
        }
        var anchor = dev.weft.tui.layout.Anchor.of(step.state);
        if (anchor == null) {
            step.info("the loom is empty: i writes a prompt");
            return;
        }
        Generations.startCount(step, anchor.id(), n);
    }

    private static void viewKey(Step step, Action action) {
        View view = step.state.view();
        if (view == View.READ) {
            ReadKeys.handle(step, action);
        } else if (view == View.SIBLINGS) {
            SiblingsKeys.handle(step, action);
        } else if (!TreeKeys.handle(step, action)) {
            CommonKeys.handle(step, action, step.state.tree().selected());
        }
    }

    private static boolean isUserAction(Msg msg) {
        return msg instanceof Msg.Key || msg instanceof Msg.CommandEntered;
    }

    private static Instant timeOf(Msg msg) {
        if (msg instanceof Msg.Key k) {
            return k.at();
        }
        if (msg instanceof Msg.CommandEntered c) {
            return c.at();
        }
        if (msg instanceof Msg.CandidatesScored c) {
            return c.at();
        }
        if (msg instanceof Msg.SweepRowArrived r) {
            return r.at();
        }
        if (msg instanceof Msg.MultiverseExpanded m) {
            return m.at(); // the kept expansion's time
        }
        if (msg instanceof Msg.CompareArrived c) {
            return c.at();
        }
        if (msg instanceof Msg.CompareFailed c) {
            return c.at();
        }
        return Instant.EPOCH;
    }
}
