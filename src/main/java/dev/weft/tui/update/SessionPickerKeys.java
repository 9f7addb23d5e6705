package dev.weft.tui.update;

import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.SessionPicker;

/**
 * The session picker of a plain {@code weft}: recent sessions, most recently changed first, filled in
 * as each file is read; Enter opens one, n (or Esc) keeps the new session, / types a filter.
 */
final class SessionPickerKeys {
    private SessionPickerKeys() {}

    static void offer(Step step, Msg.OfferSessions msg) {
        long id = step.newRequest();
        step.state = step.state.withOverlay(new Overlay.Sessions(SessionPicker.opening(id, msg.folder())));
        step.effect(new Effect.ListSessions(id, msg.folder()));
    }

    static void listed(Step step, Msg.SessionsListed msg) {
        if (!(step.state.overlay() instanceof Overlay.Sessions s) || s.picker().request() != msg.request()) {
            return;
        }
        if (msg.entries().isEmpty()) {
            step.state = step.state.withOverlay(Overlay.NONE);
            return;
        }
        show(step, s.picker().listed(msg.entries(), msg.at()));
    }

    static void read(Step step, Msg.SessionRead msg) {
        if (step.state.overlay() instanceof Overlay.Sessions s && s.picker().request() == msg.request()) {
            show(step, s.picker().read(msg.path(), msg.firstLine(), msg.nodes(), msg.problem()));
        }
    }

    static void handle(Step step, SessionPicker picker, Action action, KeySpec key) {
        if (picker.typing()) {
            typing(step, picker, action, key);
            return;
        }
        if (action == null) {
            step.info(key.label() + " is not bound here · Enter opens, n starts a new session, / filters");
            return;
        }
        int last = Math.max(0, picker.visible().size() - 1);
        switch (action) {
            case ROW_UP -> show(step, picker.withSelected(Math.max(0, picker.selected() - 1)));
            case ROW_DOWN -> show(step, picker.withSelected(Math.min(last, picker.selected() + 1)));
            case FIRST_ROW -> show(step, picker.withSelected(0));
            case LAST_ROW -> show(step, picker.withSelected(last));
            case FILTER -> show(step, picker.withFilter(picker.filter(), true));
            case NEW_SESSION -> {
                step.state = step.state.withOverlay(Overlay.NONE);
                step.info("a new session: its file is written at the first change · i writes a prompt");
            }
            case OPEN_SESSION -> open(step, picker);
            case QUIT -> Commands.quit(step);
            default -> { }
        }
    }

    private static void open(Step step, SessionPicker picker) {
        SessionPicker.Entry entry = picker.selectedEntry();
        if (entry == null) {
            step.info("no session matches '" + picker.filter() + "' · / changes the filter, n starts a new session");
            return;
        }
        step.state = step.state.withOverlay(Overlay.NONE);
        step.effect(new Effect.Open(entry.path()));
        step.info("opening " + entry.name() + "…");
    }

    private static void typing(Step step, SessionPicker picker, Action action, KeySpec key) {
        if (action == null) {
            if (key.isText()) {
                show(step, picker.withFilter(picker.filter() + key.character(), true));
            }
            return;
        }
        switch (action) {
            case COMMIT -> show(step, picker.withFilter(picker.filter(), false).withSelected(picker.selected()));
            case ABANDON -> show(step, picker.withFilter("", false));
            case DELETE_BACK -> {
                String f = picker.filter();
                show(step, picker.withFilter(f.isEmpty() ? f : f.substring(0, f.offsetByCodePoints(f.length(), -1)), true));
            }
            case ROW_UP -> show(step, picker.withSelected(Math.max(0, picker.selected() - 1)));
            case ROW_DOWN -> show(step, picker.withSelected(picker.selected() + 1));
            default -> { }
        }
    }

    private static void show(Step step, SessionPicker picker) {
        step.state = step.state.withOverlay(new Overlay.Sessions(picker));
    }
}
