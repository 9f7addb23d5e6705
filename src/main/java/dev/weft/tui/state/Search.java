package dev.weft.tui.state;

import dev.weft.loom.NodeId;
import java.util.List;

/** The last search: its query, the matching nodes in tree order, and which one is shown. */
public record Search(String query, List<NodeId> matches, int index) {
    public static final Search NONE = new Search("", List.of(), -1);

    public Search {
        matches = List.copyOf(matches);
    }

    public boolean isActive() {
        return !query.isEmpty();
    }
}
