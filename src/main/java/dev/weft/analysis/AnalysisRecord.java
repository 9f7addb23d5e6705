package dev.weft.analysis;

import dev.weft.loom.NodeId;
import java.time.Instant;

/**
 * A run of an experiment view kept in the session ({@code :dist}, {@code :sweep}, a multiverse
 * expansion, a comparison): where it was run, on which backends, with which settings, and what came
 * back, so the results outlive the view. Journaled like a change to the tree, listed by {@code weft stats}, exported, replayed.
 */
public sealed interface AnalysisRecord permits DistRecord, SweepRecord, MultiverseRecord, CompareRecord {

    /** When the run was recorded (its results complete). */
    Instant at();

    /** The node the context ends in; advisory, like the view's current node (a join can remove it). */
    NodeId node();

    /** The token index in {@link #node()} the context ends after. */
    int cursor();

    /** The text the run continued. */
    String context();

    /** {@code dist}, {@code sweep}, {@code multiverse} or {@code compare}: the journal's kind and the file's. */
    String kind();

    /** Who answered one side of a run: the name the user chose it by, and what it said it was. */
    record Side(String profile, String backend, String model) {
        public Side {
            if (profile == null || backend == null || model == null) {
                throw new IllegalArgumentException("a side needs a profile, a backend and a model");
            }
        }

        /** "embedded · kn-3" or "base (llama.cpp · qwen)" */
        public String label() {
            String what = backend + " · " + model;
            return profile.isEmpty() || profile.equals(backend) ? what : profile + " (" + what + ")";
        }
    }
}
