package dev.weft.tui.state;

import dev.weft.loom.NodeId;
import java.util.List;

/** A backend call in flight. Results for a request that is no longer in the state are dropped. */
public sealed interface Request {

    /** Sampling: choice i streams into {@code nodes.get(i)}, children of {@code parent}. */
    record Generating(NodeId parent, List<NodeId> nodes) implements Request {
        public Generating {
            nodes = List.copyOf(nodes);
        }
    }

    /** Scoring an edited node's text, to colour it. */
    record Scoring(NodeId node) implements Request {}

    /** Expanding a multiverse for the multiverse view. */
    record Expanding() implements Request {}

    /** Sampling one side of the compare view. */
    record Comparing() implements Request {}

    /** Reading another session file to compare with. */
    record ReadingCompareFile() implements Request {}
    /** Scoring a candidate set for the distribution view. */
    record ScoringCandidates() implements Request {}

    /** Opening another backend (a model file may take a while to load); generating waits for it. */
    record SwitchingBackend(String name) implements Request {}

    /** Sampling one temperature of a sweep. */
    record Sweeping() implements Request {}
}
