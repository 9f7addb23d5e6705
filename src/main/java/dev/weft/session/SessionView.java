package dev.weft.session;

import dev.weft.loom.NodeId;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the user is in the tree, saved with it so a session reopens where it was left.
 *
 * @param current  the node the cursor is in; null when the loom is empty. Advisory: a join can
 *                 remove the node it names, so check {@code Loom.contains} before use
 * @param cursor   token index inside {@code current}
 * @param settings open-ended UI settings (theme, hoisted node, …) the TUI may extend without a
 *                 format change; kept sorted so the file diffs cleanly
 */
public record SessionView(NodeId current, int cursor, Map<String, String> settings) {
    public static final SessionView START = new SessionView(null, 0, Map.of());

    public SessionView {
        if (cursor < 0) {
            throw new IllegalArgumentException("negative cursor " + cursor);
        }
        settings = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(settings));
    }

    public SessionView at(NodeId node, int tokenIndex) {
        return new SessionView(node, tokenIndex, settings);
    }

    public SessionView withSetting(String key, String value) {
        Map<String, String> next = new TreeMap<>(settings);
        next.put(key, value);
        return new SessionView(current, cursor, next);
    }

    public SessionView withoutSetting(String key) {
        Map<String, String> next = new TreeMap<>(settings);
        next.remove(key);
        return new SessionView(current, cursor, next);
    }
}
