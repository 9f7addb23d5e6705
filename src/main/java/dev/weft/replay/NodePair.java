package dev.weft.replay;

import dev.weft.loom.Node;

/**
 * Two nodes that stand at the same place in two trees, or one node that has no counterpart.
 *
 * @param left  the node of the first tree, or null
 * @param right the node of the second tree, or null
 * @param depth how far below a root the place is
 */
public record NodePair(Node left, Node right, int depth) {
    public NodePair {
        if (left == null && right == null) {
            throw new IllegalArgumentException("a pair needs at least one node");
        }
    }
}
