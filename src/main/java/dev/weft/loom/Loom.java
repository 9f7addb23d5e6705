package dev.weft.loom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.pcollections.IntTreePMap;
import org.pcollections.PVector;
import org.pcollections.TreePVector;

/**
 * The tree of explored text: an immutable value. Every operation returns a new loom that
 * shares structure with the old one, so undo is keeping the previous value and the UI
 * state can hold a loom safely. Nothing is destroyed by exploring: branching splits a node
 * and adds a sibling; an edit adds a branch; delete only hides a subtree.
 */
public final class Loom {
    private static final Loom EMPTY = new Loom(IntTreePMap.empty(), TreePVector.empty(), 0);
    private static final NodeMarks UNREAD = NodeMarks.NONE.withUnread(true);

    private final IntTreePMap<Node> nodes;
    private final PVector<NodeId> roots;
    private final int nextId;

    /** A new loom and the node an operation created or points at. */
    public record Result(Loom loom, NodeId node) {}

    private Loom(IntTreePMap<Node> nodes, PVector<NodeId> roots, int nextId) {
        this.nodes = nodes;
        this.roots = roots;
        this.nextId = nextId;
    }

    public static Loom empty() {
        return EMPTY;
    }

    /**
     * Rebuilds a loom from stored nodes, checking that parents and children agree, that every
     * node is reachable from exactly one root, and that ids are below {@code nextId}.
     *
     * @throws IllegalArgumentException naming the first inconsistency
     */
    public static Loom of(Collection<Node> all, List<NodeId> roots, int nextId) {
        IntTreePMap<Node> map = IntTreePMap.empty();
        java.util.BitSet ids = new java.util.BitSet(); // cheaper than asking the map, for 100,000 nodes
        for (Node n : all) {
            if (n.id().value() >= nextId) {
                throw new IllegalArgumentException("node " + n.id() + " is not below next id " + nextId);
            }
            if (ids.get(n.id().value())) {
                throw new IllegalArgumentException("node " + n.id() + " appears twice");
            }
            ids.set(n.id().value());
            map = map.plus(n.id().value(), n);
        }
        TreeShape.check(map, roots);
        return new Loom(map, TreePVector.from(roots), nextId);
    }

    // ---- queries -------------------------------------------------------------------------

    public Node node(NodeId id) {
        Node n = id == null ? null : nodes.get(id.value());
        if (n == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return n;
    }

    public boolean contains(NodeId id) {
        return id != null && nodes.containsKey(id.value());
    }

    /** All roots, deleted ones included. */
    public List<NodeId> roots() {
        return roots;
    }

    public Collection<Node> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    public int size() {
        return nodes.size();
    }

    public int nextId() {
        return nextId;
    }

    /** Children that are not deleted, in creation order. */
    public List<NodeId> liveChildren(NodeId id) {
        List<NodeId> out = new ArrayList<>();
        for (NodeId c : node(id).children()) {
            if (!node(c).deleted()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The nodes from the root down to {@code id}. */
    public List<Node> path(NodeId id) {
        List<Node> out = new ArrayList<>();
        for (Node n = node(id); n != null; n = n.parent() == null ? null : node(n.parent())) {
            out.add(n);
        }
        Collections.reverse(out);
        return out;
    }

    public List<TokenRun> pathRuns(NodeId id) {
        List<TokenRun> out = new ArrayList<>();
        for (Node n : path(id)) {
            out.add(n.tokens());
        }
        return out;
    }

    /** The full text from the root to the end of {@code id}, decoded from the joined bytes. */
    public String pathText(NodeId id) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Node n : path(id)) {
            out.writeBytes(n.tokens().bytes());
        }
        return Utf8.decode(out.toByteArray()).text();
    }

    /** True when the node or one of its ancestors is deleted. */
    public boolean isHidden(NodeId id) {
        for (Node n : path(id)) {
            if (n.deleted()) {
                return true;
            }
        }
        return false;
    }

    public long tokenCount() {
        long total = 0;
        for (Node n : nodes.values()) {
            total += n.tokens().size();
        }
        return total;
    }

    public NodeFigures figures(NodeId id) {
        return NodeFigures.of(node(id).tokens());
    }

    // ---- operations ----------------------------------------------------------------------

    /** Starts a new tree with the given prompt text. */
    public Result addRoot(TokenRun tokens) {
        NodeId id = new NodeId(nextId);
        Node root = new Node(id, null, Origin.PROMPT, tokens, List.of(), null, false, false);
        return new Result(new Loom(nodes.plus(id.value(), root), roots.plus(id), nextId + 1), id);
    }

    /** Adds a child under {@code parent}: a completion, or any run of tokens. */
    public Result append(NodeId parent, TokenRun tokens, Origin origin, Generation generation) {
        Node p = node(parent);
        NodeId id = new NodeId(nextId);
        Node child = new Node(id, parent, origin, tokens, List.of(), generation, false, false);
        IntTreePMap<Node> next = nodes.plus(id.value(), child).plus(parent.value(), p.withChildren(plus(p.children(), id)));
        return new Result(new Loom(next, roots, nextId + 1), id);
    }

    /** Appends tokens to an existing node, as they stream in. */
    public Loom extend(NodeId id, TokenRun more) {
        Node n = node(id);
        return replace(n.withTokens(n.tokens().append(more)));
    }

    /** Records how a generation ended. */
    public Loom finish(NodeId id, FinishReason reason) {
        Node n = node(id);
        if (n.generation() == null) {
            throw new IllegalArgumentException("node " + id + " was not generated");
        }
        return replace(n.withGeneration(n.generation().finished(reason)));
    }

    /**
     * Splits a node before token {@code index}: the node keeps the prefix (and its id) and a
     * new child holds the suffix and inherits the children. Returns the suffix's id.
     */
    public Result split(NodeId id, int index) {
        Node n = node(id);
        if (index <= 0 || index >= n.tokens().size()) {
            throw new IllegalArgumentException("cannot split " + id + " of " + n.tokens().size() + " tokens at " + index);
        }
        NodeId suffixId = new NodeId(nextId);
        Node suffix = new Node(suffixId, id, n.origin(), n.tokens().slice(index, n.tokens().size()),
                n.children(), n.generation(), false, false,
                n.marks().unread() ? UNREAD : NodeMarks.NONE); // tags and note stay with the id
        IntTreePMap<Node> next = nodes.plus(suffixId.value(), suffix)
                .plus(id.value(), n.withTokens(n.tokens().slice(0, index)).withChildren(List.of(suffixId)));
        for (NodeId c : n.children()) {
            next = next.plus(c.value(), next.get(c.value()).withParent(suffixId));
        }
        return new Result(new Loom(next, roots, nextId + 1), suffixId);
    }

    /** Merges a node with its only child of the same origin: the inverse of {@link #split}. */
    public Loom join(NodeId id) {
        Node n = node(id);
        if (n.children().size() != 1) {
            throw new IllegalArgumentException("cannot join " + id + ": it has " + n.children().size() + " children");
        }
        Node child = node(n.children().get(0));
        if (child.origin() != n.origin()) {
            throw new IllegalArgumentException("cannot join " + id + " (" + n.origin().label()
                    + ") with a " + child.origin().label() + " child");
        }
        Node merged = new Node(id, n.parent(), n.origin(), n.tokens().append(child.tokens()), child.children(),
                n.generation(), n.bookmarked() || child.bookmarked(), n.deleted(), n.marks().joinedWith(child.marks()));
        IntTreePMap<Node> next = nodes.minus(child.id().value()).plus(id.value(), merged);
        for (NodeId c : child.children()) {
            next = next.plus(c.value(), next.get(c.value()).withParent(id));
        }
        return new Loom(next, roots, nextId);
    }

    /**
     * Branches at token {@code index} with the model's alternative {@code alternative} instead
     * of the sampled token: splits there if needed and adds a one-token swap node beside the
     * original continuation. Returns the swap node.
     */
    public Result swap(NodeId id, int index, int alternative) {
        Node n = node(id);
        TokenRun run = n.tokens();
        if (index < 0 || index >= run.size()) {
            throw new IllegalArgumentException("node " + id + " has no token " + index);
        }
        Alternative alt = run.alternative(index, alternative);
        TokenRun swapped = TokenRun.of(new Token(alt.piece(), alt.logprob(), run.alternatives(index)));
        BranchPoint at = branchPoint(id, index);
        return at.loom.attach(at.parent, swapped, Origin.SWAP, n.generation());
    }

    /**
     * A manual perturbation: replaces the chars {@code [start, end)} of the node's text with
     * {@code replacement} in a new edit branch beside the original, which stays. The branch
     * starts at the token holding {@code start}; with {@code keepTail} it also carries the
     * node's text after {@code end}, else it ends at the edit (ready to regenerate from there).
     * Returns the edit node.
     */
    public Result perturb(NodeId id, int start, int end, String replacement, boolean keepTail) {
        EditSpan edit = EditSpan.of(id, node(id).tokens(), start, end, replacement, keepTail);
        TokenRun run = edit.bytes().length == 0 ? TokenRun.EMPTY
                : TokenRun.of(new Token(Piece.ofBytes(edit.bytes()), Double.NaN, List.of()));
        BranchPoint at = branchPoint(id, edit.tokenIndex());
        return at.loom.attach(at.parent, run, Origin.EDIT, null);
    }

    /** Replaces a node's tokens with a scored tokenisation of the same bytes (e.g. an edit, once scored). */
    public Loom rescore(NodeId id, TokenRun scored) {
        Node n = node(id);
        if (!java.util.Arrays.equals(n.tokens().bytes(), scored.bytes())) {
            throw new IllegalArgumentException("rescored tokens of " + id + " do not spell the same text");
        }
        return replace(n.withTokens(scored));
    }

    /** Hides a subtree; {@link #undelete} brings it back. */
    public Loom delete(NodeId id) {
        return replace(node(id).withDeleted(true));
    }

    public Loom undelete(NodeId id) {
        return replace(node(id).withDeleted(false));
    }

    public Loom bookmark(NodeId id, boolean on) {
        return replace(node(id).withBookmark(on));
    }

    /** Sets a node's tags, note and unread flag. */
    public Loom mark(NodeId id, NodeMarks marks) {
        return replace(node(id).withMarks(marks));
    }

    // ---- internals -----------------------------------------------------------------------

    private record BranchPoint(Loom loom, NodeId parent) {}

    /** Where a branch before token {@code index} of {@code id} hangs: splitting when mid-node. */
    private BranchPoint branchPoint(NodeId id, int index) {
        Node n = node(id);
        if (index == 0) {
            return new BranchPoint(this, n.parent());
        }
        if (index < n.tokens().size()) {
            return new BranchPoint(split(id, index).loom(), id);
        }
        return new BranchPoint(this, id);
    }

    /** A child under {@code parent}, or a new root when parent is null. */
    private Result attach(NodeId parent, TokenRun tokens, Origin origin, Generation generation) {
        if (parent != null) {
            return append(parent, tokens, origin, generation);
        }
        NodeId id = new NodeId(nextId);
        Node root = new Node(id, null, origin, tokens, List.of(), generation, false, false);
        return new Result(new Loom(nodes.plus(id.value(), root), roots.plus(id), nextId + 1), id);
    }

    private Loom replace(Node n) {
        return new Loom(nodes.plus(n.id().value(), n), roots, nextId);
    }

    private static List<NodeId> plus(List<NodeId> list, NodeId id) {
        List<NodeId> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(id);
        return out;
    }
}
