package dev.weft.replay;

import dev.weft.loom.NodeId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which node of the new tree stands for which node of the recorded one. Ids differ between the
 * two (a swap may split in one tree and not the other), so every created node is paired as it is
 * made; a recorded node with no partner remembers why, for the steps that depend on it.
 */
final class Correspondence {
    private final Map<NodeId, NodeId> partners = new HashMap<>();
    private final Map<NodeId, String> lost = new HashMap<>();

    void pair(NodeId recorded, NodeId replayed) {
        partners.put(recorded, replayed);
        lost.remove(recorded);
    }

    /** Notes that {@code recorded} has no partner, and why. */
    void lose(NodeId recorded, String why) {
        partners.remove(recorded);
        lost.put(recorded, why);
    }

    Optional<NodeId> partner(NodeId recorded) {
        return Optional.ofNullable(partners.get(recorded));
    }

    /** Why a recorded node has no partner, for a step that needed it. */
    String whyMissing(NodeId recorded) {
        String why = lost.get(recorded);
        return recorded + " has no counterpart in the new tree" + (why == null ? "" : " (" + why + ")");
    }
}
