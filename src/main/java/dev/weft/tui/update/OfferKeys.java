package dev.weft.tui.update;

import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;

/**
 * The start screen's offer of a model file found on this machine: yes switches to it and
 * remembers it, no keeps the embedded model and is remembered too (no asking again), Esc puts it
 * off until the next start. Any other key closes the offer and does what it does in the view, so
 * a user who starts typing is never held up.
 */
final class OfferKeys {
    private OfferKeys() {}

    /** Opens the offer on a start screen: an empty loom with nothing else open (else it waits for the next start). */
    static void offered(Step step, Msg.ModelOffered m) {
        if (step.state.loom().size() == 0 && step.state.overlay() == Overlay.NONE) {
            step.state = step.state.withOverlay(new Overlay.Offer(m.offer()));
        }
    }

    /** Handles the offer's own keys; false for any other key (the offer is then closed, unanswered). */
    static boolean handle(Step step, Overlay.Offer o, Action action) {
        if (action == Action.USE_OFFERED) {
            step.state = step.state.withOverlay(Overlay.NONE);
            step.effect(new Effect.AnswerOffer(o.offer(), true));
            ModelPickerKeys.switchTo(step, o.offer().name()); // as choosing it in the model picker does
            return true;
        }
        if (action == Action.DECLINE_OFFER) {
            step.state = step.state.withOverlay(Overlay.NONE);
            step.effect(new Effect.AnswerOffer(o.offer(), false));
            step.info("keeping the embedded model; not offered again (o picks " + o.offer().name() + " or another model)");
            return true;
        }
        if (action == Action.CLOSE) {
            step.state = step.state.withOverlay(Overlay.NONE);
            step.info("not now: offered again on the next start");
            return true;
        }
        step.state = step.state.withOverlay(Overlay.NONE);
        return false;
    }
}
