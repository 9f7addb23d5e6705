package dev.weft.replay;

import static dev.weft.replay.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodePairsTest {
    @Test
    void nodesPairByPositionAndAnUnmatchedSubtreeStandsAlone() {
        // left: a prompt with two children, the first with a child; right: the same prompt with one child
        Loom left = Loom.empty().addRoot(TokenRun.unscored("p")).loom();
        Loom.Result first = left.append(new NodeId(0), run(" a"), Origin.MODEL, null);
        NodeId l1 = first.node();
        left = first.loom().append(new NodeId(0), run(" b"), Origin.EDIT, null).loom();
        left = left.append(l1, run(" c"), Origin.MODEL, null).loom();
        Loom right = Loom.empty().addRoot(TokenRun.unscored("p")).loom();
        right = right.append(new NodeId(0), run(" x"), Origin.MODEL, null).loom();

        List<String> pairs = NodePairs.of(left, right).stream()
                .map(p -> p.depth() + ":" + id(p.left()) + "/" + id(p.right())).toList();
        assertEquals(List.of("0:#0/#0", "1:#1/#1", "2:#3/-", "1:#2/-"), pairs);
    }

    private static String id(Node node) {
        return node == null ? "-" : node.id().toString();
    }
}
