package dev.weft.tui.keys;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of keys: dispatch, the hint bar, the help screen and the man page's key list
 * all read it, so they cannot disagree. Immutable; overrides make a new keymap.
 */
public final class Keymap {
    private final List<Binding> bindings;
    private final Map<Context, Map<KeySpec, Action>> index = new EnumMap<>(Context.class);

    private Keymap(List<Binding> bindings) {
        this.bindings = List.copyOf(bindings);
        for (Binding b : this.bindings) {
            Map<KeySpec, Action> keys = index.computeIfAbsent(b.context(), c -> new HashMap<>());
            for (KeySpec k : b.keys()) {
                Action previous = keys.putIfAbsent(k, b.action());
                if (previous != null && previous != b.action()) {
                    throw new IllegalArgumentException("key " + k.label() + " is bound twice in "
                            + b.context().configName() + ": " + previous.configName() + " and " + b.action().configName());
                }
            }
        }
    }

    public static Keymap defaults() {
        return new Keymap(DefaultKeys.all());
    }

    /** The presets the config's {@code "keys": "NAME"} names. */
    public static final List<String> PRESETS = List.of("default", "basemode");

    /**
     * A named starting point for the keys: {@code default}, or {@code basemode} for fingers used to
     * basemode-loom (Space generates, 1-9 generate that many children at once; {@code e} edits
     * inline and {@code E} in $EDITOR, as weft's own keys do).
     *
     * @throws IllegalArgumentException naming the presets there are
     */
    public static Keymap preset(String name) {
        return switch (name == null ? "default" : name) {
            case "default" -> defaults();
            case "basemode" -> defaults().withOverrides(Map.of(
                    "read.generate", List.of("g", "Space"),
                    "read.generate-n", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")));
            default -> throw new IllegalArgumentException("unknown key preset '" + name + "' (presets: "
                    + String.join(", ", PRESETS) + ")");
        };
    }

    /** The action of a key in a context, if it has one. */
    public Optional<Action> action(Context context, KeySpec key) {
        return Optional.ofNullable(index.getOrDefault(context, Map.of()).get(key));
    }

    /** All rows, in help order. */
    public List<Binding> bindings() {
        return bindings;
    }

    public List<Binding> bindings(Context context) {
        return bindings.stream().filter(b -> b.context() == context).toList();
    }

    /** The first key that does {@code action} in {@code context}; tests press keys by action name through this. */
    public Optional<KeySpec> keyFor(Context context, Action action) {
        return bindings.stream().filter(b -> b.context() == context && b.action() == action && !b.keys().isEmpty())
                .map(b -> b.keys().get(0)).findFirst();
    }

    /**
     * Rebinds actions, as the config file's {@code keys} section asks: a name {@code "generate"}
     * rebinds that action in every context that has it; {@code "tree.hoist"} only in that
     * context. A key taken from another action of the same context is removed from it.
     *
     * @param overrides name → keys in their written form
     * @throws IllegalArgumentException naming the bad entry
     */
    public Keymap withOverrides(Map<String, List<String>> overrides) {
        List<Binding> rows = new ArrayList<>(bindings);
        for (Map.Entry<String, List<String>> e : overrides.entrySet()) {
            String name = e.getKey();
            int dot = name.indexOf('.');
            Context only = dot < 0 ? null : context(name.substring(0, dot), name);
            Action action = Action.fromConfigName(dot < 0 ? name : name.substring(dot + 1));
            List<KeySpec> keys = new ArrayList<>();
            for (String k : e.getValue()) {
                try {
                    keys.add(KeySpec.parse(k));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("keys." + name + ": " + bad.getMessage());
                }
            }
            boolean found = false;
            for (int i = 0; i < rows.size(); i++) {
                Binding b = rows.get(i);
                if (b.action() == action && (only == null || b.context() == only)) {
                    found = true;
                    rows.set(i, b.withKeys(keys));
                    takeKeysFromOthers(rows, i);
                }
            }
            if (!found) {
                throw new IllegalArgumentException("keys." + name + ": " + action.configName() + " is not bound in "
                        + (only == null ? "any view" : only.configName()));
            }
        }
        return new Keymap(rows);
    }

    private static void takeKeysFromOthers(List<Binding> rows, int winner) {
        Binding w = rows.get(winner);
        for (int i = 0; i < rows.size(); i++) {
            Binding b = rows.get(i);
            if (i != winner && b.context() == w.context()) {
                List<KeySpec> kept = new ArrayList<>(b.keys());
                if (kept.removeAll(w.keys())) {
                    rows.set(i, b.withKeys(kept));
                }
            }
        }
    }

    private static Context context(String name, String entry) {
        for (Context c : Context.values()) {
            if (c.configName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("keys." + entry + ": unknown view '" + name + "'");
    }
}
