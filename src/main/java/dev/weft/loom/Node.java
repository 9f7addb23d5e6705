package dev.weft.loom;

import java.util.List;

/**
 * One node of the loom: a run of tokens appended to its parent's text.
 *
 * @param parent     null for a root
 * @param generation how the tokens were sampled; null for prompt and edit nodes
 * @param deleted    a deleted subtree stays in the loom (hidden) until purged, so delete is undoable
 * @param marks      tags, a note, and whether it is unread
 */
public record Node(NodeId id, NodeId parent, Origin origin, TokenRun tokens, List<NodeId> children,
                   Generation generation, boolean bookmarked, boolean deleted, NodeMarks marks) {
    public Node {
        if (id == null || origin == null || tokens == null || marks == null) {
            throw new IllegalArgumentException("node is missing a field");
        }
        children = List.copyOf(children);
    }

    /** A node without marks. */
    public Node(NodeId id, NodeId parent, Origin origin, TokenRun tokens, List<NodeId> children,
                Generation generation, boolean bookmarked, boolean deleted) {
        this(id, parent, origin, tokens, children, generation, bookmarked, deleted, NodeMarks.NONE);
    }

    public boolean isRoot() {
        return parent == null;
    }

    public String text() {
        return tokens.text();
    }

    Node withTokens(TokenRun t) {
        return new Node(id, parent, origin, t, children, generation, bookmarked, deleted, marks);
    }

    Node withChildren(List<NodeId> c) {
        return new Node(id, parent, origin, tokens, c, generation, bookmarked, deleted, marks);
    }

    Node withParent(NodeId p) {
        return new Node(id, p, origin, tokens, children, generation, bookmarked, deleted, marks);
    }

    Node withGeneration(Generation g) {
        return new Node(id, parent, origin, tokens, children, g, bookmarked, deleted, marks);
    }

    Node withBookmark(boolean on) {
        return new Node(id, parent, origin, tokens, children, generation, on, deleted, marks);
    }

    Node withDeleted(boolean on) {
        return new Node(id, parent, origin, tokens, children, generation, bookmarked, on, marks);
    }

    Node withMarks(NodeMarks m) {
        return new Node(id, parent, origin, tokens, children, generation, bookmarked, deleted, m);
    }
}
