package dev.weft.tui.state;

import dev.weft.loom.NodeId;

/** What an editor's text becomes when committed. */
public sealed interface EditTarget {

    /** A prompt: a new tree. */
    record NewRoot() implements EditTarget {}

    /**
     * A perturbation of {@code node} from char {@code start} of its text to its end; the
     * original text there was {@code original} and stays in the loom.
     *
     * @param pathStart the path index of the node's token where the edit begins
     */
    record Perturb(NodeId node, int start, String original, int pathStart) implements EditTarget {}

    /**
     * A perturbation of the text from char {@code start} of {@code node} to the end of the path at
     * {@code last} ({@code E}, in the user's editor): the branch starts at the first changed char,
     * in whichever node of that stretch it falls.
     */
    record PerturbToEnd(NodeId node, int start, String original, NodeId last) implements EditTarget {}
}
