package dev.weft.tui.state;

import dev.weft.analysis.ReferenceConvergence;
import dev.weft.loom.NodeId;

/**
 * The convergence view: a reference path and every branch that leaves it below a node, with their
 * endings aligned on the right. Row 0 is the reference; row i > 0 is branch i − 1.
 *
 * @param figures     the branches measured against the reference
 * @param referenceOf the node whose path is the reference
 * @param chosen      the reference was set with R (else it is the path through the cursor)
 * @param sharedByAll the characters the reference and every branch end with
 * @param selected    the selected row; {@code top} the first row shown
 */
public record ConvergenceView(ReferenceConvergence figures, NodeId referenceOf, boolean chosen, String sharedByAll,
                              int selected, int top) {

    /** The reference and the branches. */
    public int rows() {
        return 1 + figures.branches().size();
    }

    public NodeId from() {
        return figures.from();
    }

    /** The last node of a row: the reference's leaf for row 0, else the branch's. */
    public NodeId leaf(int row) {
        java.util.List<NodeId> reference = figures.reference();
        return row == 0 ? (reference.isEmpty() ? figures.from() : reference.get(reference.size() - 1))
                : figures.branches().get(row - 1).leaf();
    }

    public ConvergenceView with(int newSelected, int newTop) {
        return new ConvergenceView(figures, referenceOf, chosen, sharedByAll, newSelected, newTop);
    }
}
