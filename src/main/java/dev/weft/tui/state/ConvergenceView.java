package dev.weft.tui.state;

import dev.weft.analysis.Convergence;
import dev.weft.loom.NodeId;
import java.util.List;

/**
 * The convergence view: the children of {@code parent}, each followed down its first children to a
 * leaf, with their endings aligned on the right. The first branch is the reference (the original);
 * every other one is measured against its ending ({@link Convergence}).
 *
 * @param ending      what counts as the reference's ending, e.g. "last sentence"; {@code endingText} the text
 * @param sharedByAll the characters every branch ends with
 * @param selected    the selected branch; {@code top} the first branch shown
 */
public record ConvergenceView(NodeId parent, String ending, String endingText, List<Branch> branches, String sharedByAll, int selected,
                              int top) {
    public ConvergenceView {
        branches = List.copyOf(branches);
    }

    /**
     * One child and its descendants down the first children.
     *
     * @param nodes       the nodes from the child to the leaf
     * @param convergence against the reference; null for the reference itself
     * @param shared      characters at the end that the branch shares with the reference
     */
    public record Branch(List<NodeId> nodes, Convergence convergence, int shared) {
        public Branch {
            nodes = List.copyOf(nodes);
        }

        public NodeId child() {
            return nodes.get(0);
        }

        public NodeId leaf() {
            return nodes.get(nodes.size() - 1);
        }
    }

    public ConvergenceView with(int newSelected, int newTop) {
        return new ConvergenceView(parent, ending, endingText, branches, sharedByAll, newSelected, newTop);
    }
}
