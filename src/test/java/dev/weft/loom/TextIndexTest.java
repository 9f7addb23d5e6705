package dev.weft.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search index follows the tree: new and changed nodes are found, in the order asked. */
class TextIndexTest {

    @Test
    void findsIgnoringCaseInTheGivenOrder() {
        Loom loom = Loom.empty().addRoot(TokenRun.unscored("The Cat")).loom();
        loom = loom.append(new NodeId(0), TokenRun.unscored(" sat on a CAT"), Origin.MODEL, null).loom();
        loom = loom.append(new NodeId(0), TokenRun.unscored(" left"), Origin.MODEL, null).loom();
        TextIndex index = new TextIndex();
        List<NodeId> order = List.of(new NodeId(2), new NodeId(1), new NodeId(0));
        assertEquals(List.of(new NodeId(1), new NodeId(0)), index.find(loom, order, "cat"));
    }

    @Test
    void nodesAddedOrChangedSinceTheLastSearchAreSeen() {
        Loom loom = Loom.empty().addRoot(TokenRun.unscored("alpha")).loom();
        TextIndex index = new TextIndex();
        assertEquals(List.of(), index.find(loom, ids(loom), "beta"));
        loom = loom.append(new NodeId(0), TokenRun.unscored(" beta"), Origin.MODEL, null).loom();
        assertEquals(List.of(new NodeId(1)), index.find(loom, ids(loom), "BETA"));
        // the same id with other text (a node replaced by an operation) is indexed again
        Loom other = Loom.empty().addRoot(TokenRun.unscored("gamma")).loom();
        assertEquals(List.of(new NodeId(0)), index.find(other, List.of(new NodeId(0)), "gamma"));
        assertEquals(List.of(), index.find(other, List.of(new NodeId(0)), "alpha"));
    }

    private static List<NodeId> ids(Loom loom) {
        List<NodeId> out = new ArrayList<>();
        for (int i = 0; i < loom.size(); i++) {
            out.add(new NodeId(i));
        }
        return out;
    }
}
