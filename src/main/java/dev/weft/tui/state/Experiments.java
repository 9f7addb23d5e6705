package dev.weft.tui.state;

import dev.weft.analysis.MultiverseSettings;
import dev.weft.loom.NodeId;

/**
 * What the experiment views remember between openings, and a session keeps: the convergence view's
 * reference path and how far the multiverse view expands.
 *
 * @param reference  the node whose path is the convergence view's reference ({@code R}); null: the
 *                   path through the cursor
 * @param multiverse depth, top-k and floor of the multiverse view ({@code :set depth|top-k|floor})
 * @param vs         the compare view's second side ({@code V}): the last one {@code :compare} named
 */
public record Experiments(NodeId reference, MultiverseSettings multiverse, String vs) {
    /** The compare view's second side until {@code :compare} names another: the embedded model is always there. */
    public static final String EMBEDDED = "embedded";
    public static final Experiments DEFAULTS = new Experiments(null, new MultiverseSettings(4, 5, 0.002), EMBEDDED);

    public Experiments {
        if (vs == null || vs.isBlank()) {
            vs = EMBEDDED;
        }
    }

    public Experiments withReference(NodeId r) {
        return new Experiments(r, multiverse, vs);
    }

    public Experiments withMultiverse(MultiverseSettings m) {
        return new Experiments(reference, m, vs);
    }

    public Experiments withVs(String v) {
        return new Experiments(reference, multiverse, v);
    }
}
