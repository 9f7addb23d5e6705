package dev.weft.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Equality of looms and sessions down to every token's bits (Loom itself has no equals). */
final class SessionAssertions {
    private SessionAssertions() {}

    static void assertSameLoom(Loom expected, Loom actual) {
        assertEquals(expected.nextId(), actual.nextId(), "next id");
        assertEquals(expected.roots(), actual.roots(), "roots");
        assertEquals(sorted(expected), sorted(actual), "nodes");
    }

    static void assertSameSession(Session expected, Session actual) {
        assertEquals(expected.created(), actual.created(), "created");
        assertEquals(expected.saved(), actual.saved(), "saved");
        assertEquals(expected.journalSeq(), actual.journalSeq(), "journal seq");
        assertEquals(expected.backends(), actual.backends(), "backends");
        assertEquals(expected.view(), actual.view(), "view");
        assertEquals(expected.analyses(), actual.analyses(), "analyses");
        assertSameLoom(expected.loom(), actual.loom());
    }

    private static List<Node> sorted(Loom loom) {
        List<Node> nodes = new ArrayList<>(loom.nodes());
        nodes.sort(Comparator.comparing(Node::id));
        return nodes;
    }
}
