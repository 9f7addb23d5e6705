package dev.weft.analysis;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.util.ArrayList;
import java.util.List;

/**
 * The collapse figures of a whole tree, for {@code weft stats}: every visible node's, every set of
 * two or more visible siblings', and all visible tokens' together. Deleted subtrees are left out.
 */
public record LoomFigures(List<NodeRow> nodes, List<SiblingRow> siblingSets, NodeFigures whole) {
    public LoomFigures {
        nodes = List.copyOf(nodes);
        siblingSets = List.copyOf(siblingSets);
    }

    /** One node: where it is, where its text came from, and its figures. */
    public record NodeRow(NodeId id, int depth, Origin origin, NodeFigures figures) {}

    /**
     * The children of one node, each read to the end of its first line of descent (a branch that
     * was split later still counts as the whole continuation it was).
     */
    public record SiblingRow(NodeId parent, List<NodeId> children, SiblingFigures figures) {
        public SiblingRow {
            children = List.copyOf(children);
        }
    }

    public static LoomFigures of(Loom loom) {
        List<NodeRow> nodes = new ArrayList<>();
        List<SiblingRow> siblings = new ArrayList<>();
        List<Token> all = new ArrayList<>();
        for (NodeId root : loom.roots()) {
            if (!loom.node(root).deleted()) {
                walk(loom, root, 0, nodes, siblings);
            }
        }
        for (NodeRow row : nodes) {
            all.addAll(loom.node(row.id()).tokens().tokens());
        }
        return new LoomFigures(nodes, siblings, NodeFigures.of(TokenRun.of(all)));
    }

    private static void walk(Loom loom, NodeId id, int depth, List<NodeRow> nodes, List<SiblingRow> siblings) {
        Node node = loom.node(id);
        nodes.add(new NodeRow(id, depth, node.origin(), NodeFigures.of(node.tokens())));
        List<NodeId> children = loom.liveChildren(id);
        // diversity among siblings is a figure of sampling: a path picked by hand stays out
        List<NodeId> samples = children.stream().filter(c -> loom.node(c).origin() != Origin.PICKED).toList();
        if (samples.size() >= 2) {
            List<TokenRun> continuations = new ArrayList<>(samples.size());
            for (NodeId child : samples) {
                continuations.add(lineOfDescent(loom, child));
            }
            siblings.add(new SiblingRow(id, samples, SiblingFigures.of(continuations)));
        }
        for (NodeId child : children) {
            walk(loom, child, depth + 1, nodes, siblings);
        }
    }

    /** The node's tokens, then its first visible child's, and so on down to a leaf. */
    static TokenRun lineOfDescent(Loom loom, NodeId id) {
        TokenRun run = loom.node(id).tokens();
        for (List<NodeId> next = loom.liveChildren(id); !next.isEmpty(); next = loom.liveChildren(next.get(0))) {
            run = run.append(loom.node(next.get(0)).tokens());
        }
        return run;
    }
}
