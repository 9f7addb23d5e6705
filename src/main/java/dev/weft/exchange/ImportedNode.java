package dev.weft.exchange;

import dev.weft.loom.Generation;
import dev.weft.loom.NodeMarks;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;

/**
 * One node of a foreign tree, as weft will hold it. Nodes come in pre-order (a parent before its
 * children), each naming its parent by index, so trees of any depth need no recursion.
 *
 * @param parent     index of the parent in the tree's list, or -1 for a root
 * @param generation how a model node was produced, as far as the file says; null for other nodes
 * @param marks      the tags, note and unread state the file gives the node
 */
public record ImportedNode(int parent, Origin origin, TokenRun tokens, Generation generation, boolean bookmarked,
                           boolean deleted, NodeMarks marks) {
    /** A node the file gives no tags, note or read state. */
    public ImportedNode(int parent, Origin origin, TokenRun tokens, Generation generation, boolean bookmarked,
                        boolean deleted) {
        this(parent, origin, tokens, generation, bookmarked, deleted, NodeMarks.NONE);
    }
}
