package dev.weft.tui.state;

import dev.weft.model.choice.ModelChoice;
import dev.weft.model.choice.ModelChoices;
import dev.weft.model.choice.Reach;
import java.util.ArrayList;
import java.util.List;

/**
 * The model picker ({@code o}): the backends to switch to, filled in as they are found and probed.
 *
 * @param request   answers to another opening of the picker are dropped
 * @param choices   as listed so far (empty until the first listing arrives)
 * @param selected  the row under the bar
 * @param current   the backend in use, marked in the list
 * @param searching the search for local model files is still under way
 * @param vs        opened to choose the compare view's second side ({@code o} there): Enter compares
 *                  with the choice instead of generating with it
 */
public record ModelPicker(long request, List<ModelChoice> choices, int selected, String current, boolean searching,
                          boolean vs) {
    public ModelPicker {
        choices = List.copyOf(choices);
        selected = choices.isEmpty() ? 0 : Math.max(0, Math.min(selected, choices.size() - 1));
    }

    public ModelPicker(long request, List<ModelChoice> choices, int selected, String current, boolean searching) {
        this(request, choices, selected, current, searching, false);
    }

    public static ModelPicker opening(long request, String current) {
        return new ModelPicker(request, List.of(), 0, current, true, false);
    }

    /** Opened from the compare view: the bar starts on its second side, {@code vs}. */
    public static ModelPicker choosingVs(long request, String vs) {
        return new ModelPicker(request, List.of(), 0, vs, true, true);
    }

    /** The row under the bar, or null while nothing is listed. */
    public ModelChoice selectedChoice() {
        return choices.isEmpty() ? null : choices.get(selected);
    }

    public ModelPicker withSelected(int row) {
        return new ModelPicker(request, choices, row, current, searching, vs);
    }

    /**
     * A new listing: probes already answered keep their answer, and the bar stays on the same backend
     * (on the first listing, it starts on the one in use).
     */
    public ModelPicker listed(List<ModelChoice> fresh, boolean stillSearching) {
        List<ModelChoice> merged = ModelChoices.keepingReach(fresh, choices);
        String on = choices.isEmpty() ? current : selectedChoice().name();
        int row = Math.max(0, ModelChoices.names(merged).indexOf(on));
        return new ModelPicker(request, merged, row, current, stillSearching, vs);
    }

    /** What the probe found for {@code name}. */
    public ModelPicker reached(String name, Reach reach) {
        List<ModelChoice> out = new ArrayList<>();
        for (ModelChoice c : choices) {
            out.add(c.name().equals(name) ? c.withReach(reach) : c);
        }
        return new ModelPicker(request, out, selected, current, searching, vs);
    }
}
