package dev.weft.tui.update;

import dev.weft.model.choice.ModelChoice;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.ModelPicker;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Request;
import dev.weft.tui.state.UiState;
import java.util.Map;

/**
 * The model picker ({@code o}) and switching backends ({@code :set backend NAME} too). The picker opens
 * at once and fills in as the choices are listed and probed; choosing one opens it off the UI thread
 * (a model file loads meanwhile, the loom stays usable) and generations use it once it is open.
 * {@code V} on a choice compares against it instead: it becomes the compare view's second side and
 * the view opens; opened from the compare view ({@code o} there), Enter does that.
 */
final class ModelPickerKeys {
    private ModelPickerKeys() {}

    static void open(Step step) {
        long id = step.newRequest();
        step.state = step.state.withOverlay(new Overlay.Models(ModelPicker.opening(id, step.state.settings().backend().name())));
        step.effect(new Effect.ListModels(id));
    }

    static void handle(Step step, ModelPicker picker, Action action) {
        if (action == null) {
            return;
        }
        int last = Math.max(0, picker.choices().size() - 1);
        switch (action) {
            case ROW_UP -> show(step, picker.withSelected(Math.max(0, picker.selected() - 1)));
            case ROW_DOWN -> show(step, picker.withSelected(Math.min(last, picker.selected() + 1)));
            case FIRST_ROW -> show(step, picker.withSelected(0));
            case LAST_ROW -> show(step, picker.withSelected(last));
            case CLOSE -> step.state = step.state.withOverlay(Overlay.NONE);
            case USE_MODEL -> {
                if (picker.vs()) {
                    compareAgainst(step, picker);
                } else {
                    use(step, picker);
                }
            }
            case COMPARE_AGAINST -> compareAgainst(step, picker);
            default -> { }
        }
    }

    /** From the compare view ({@code o}): the picker, to choose its second side. */
    static void openForVs(Step step) {
        long id = step.newRequest();
        step.state = step.state.withOverlay(new Overlay.Models(ModelPicker.choosingVs(id,
                step.state.settings().experiments().vs())));
        step.effect(new Effect.ListModels(id));
    }

    /**
     * The choice becomes the compare view's second side (as {@code :compare NAME} makes it, kept in
     * the session), and the view opens on it here: the backend in use stays as it is.
     */
    private static void compareAgainst(Step step, ModelPicker picker) {
        ModelChoice choice = picker.selectedChoice();
        if (choice == null) {
            step.info("still listing the models: a moment");
            return;
        }
        step.state = step.state.withOverlay(Overlay.NONE).withSettings(step.state.settings().withExperiments(
                step.state.settings().experiments().withVs(choice.name())));
        CompareKeys.open(step, choice.name());
    }

    private static void show(Step step, ModelPicker picker) {
        step.state = step.state.withOverlay(new Overlay.Models(picker));
    }

    private static void use(Step step, ModelPicker picker) {
        ModelChoice choice = picker.selectedChoice();
        if (choice == null) {
            step.info("still listing the models: a moment");
            return;
        }
        step.state = step.state.withOverlay(Overlay.NONE);
        if (choice.name().equals(step.state.settings().backend().name()) && loading(step.state) == null) {
            step.info("already generating with " + choice.name());
            return;
        }
        switchTo(step, choice.name());
    }

    /** Opens {@code name} in the background; the newest choice wins over one still loading. */
    static void switchTo(Step step, String name) {
        var requests = step.state.requests();
        for (Map.Entry<Long, Request> e : step.state.requests().entrySet()) {
            if (e.getValue() instanceof Request.SwitchingBackend) {
                requests = requests.minus(e.getKey());
            }
        }
        long id = step.newRequest();
        step.state = step.state.withRequests(requests.plus(id, new Request.SwitchingBackend(name)));
        step.effect(new Effect.SwitchBackend(id, name));
        step.info("loading " + name + "… · the loom works meanwhile; g waits until it is ready");
    }

    /** The backend being opened, or null. */
    static String loading(UiState state) {
        for (Request r : state.requests().values()) {
            if (r instanceof Request.SwitchingBackend s) {
                return s.name();
            }
        }
        return null;
    }

    static void switched(Step step, Msg.BackendSwitched msg) {
        if (!(step.state.requests().get(msg.request()) instanceof Request.SwitchingBackend)) {
            return; // another choice came after it
        }
        step.state = step.state.withRequests(step.state.requests().minus(msg.request()))
                .withSettings(step.state.settings().withBackend(msg.backend()));
        step.info("now generating with " + msg.backend().name() + " · " + msg.backend().model());
    }

    static void notSwitched(Step step, Msg.BackendNotSwitched msg) {
        if (!(step.state.requests().get(msg.request()) instanceof Request.SwitchingBackend)) {
            return;
        }
        step.state = step.state.withRequests(step.state.requests().minus(msg.request()));
        step.error("backend " + msg.name() + ": " + msg.reason() + " · still generating with "
                + step.state.settings().backend().name());
    }

    static void listed(Step step, Msg.ModelsListed msg) {
        if (step.state.overlay() instanceof Overlay.Models m && m.picker().request() == msg.request()) {
            show(step, m.picker().listed(msg.choices(), msg.searching()));
        }
    }

    static void reached(Step step, Msg.ModelReached msg) {
        if (step.state.overlay() instanceof Overlay.Models m && m.picker().request() == msg.request()) {
            show(step, m.picker().reached(msg.name(), msg.reach()));
        }
    }
}
