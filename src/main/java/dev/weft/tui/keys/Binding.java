package dev.weft.tui.keys;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One row of the keymap: in {@code context}, any of {@code keys} does {@code action}.
 *
 * @param hint shown in the one-line hint bar of that context
 */
public record Binding(Context context, Action action, List<KeySpec> keys, boolean hint) {
    public Binding {
        keys = List.copyOf(keys);
    }

    /** The keys as help writes them: {@code "h Left"}. */
    public String keyLabels() {
        return keys.isEmpty() ? "(unbound)" : keys.stream().map(KeySpec::label).collect(Collectors.joining(" "));
    }

    Binding withKeys(List<KeySpec> replacement) {
        return new Binding(context, action, replacement, hint);
    }
}
