package dev.weft.loom;

import static dev.weft.loom.LoomFixtures.GEN;
import static dev.weft.loom.LoomFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LoomTest {
    private final Loom.Result rooted = Loom.empty().addRoot(TokenRun.unscored("Mr President,"));
    private final NodeId root = rooted.node();
    private final Loom.Result completed = rooted.loom().append(root, run(" I", " would", " like", " to"), Origin.MODEL, GEN);
    private final NodeId completion = completed.node();
    private final Loom loom = completed.loom();

    @Test
    void appendAddsAChildAndThePathReadsRootToLeaf() {
        assertEquals(List.of(completion), loom.liveChildren(root));
        assertEquals("Mr President, I would like to", loom.pathText(completion));
        assertEquals(Origin.MODEL, loom.node(completion).origin());
        assertEquals(GEN, loom.node(completion).generation());
    }

    @Test
    void splitKeepsThePrefixIdAndMovesChildrenToTheSuffix() {
        Loom withGrandchild = loom.append(completion, run(" thank"), Origin.MODEL, GEN).loom();
        NodeId grandchild = withGrandchild.liveChildren(completion).get(0);
        Loom.Result split = withGrandchild.split(completion, 2);

        Loom after = split.loom();
        assertEquals(" I would", after.node(completion).text());
        assertEquals(" like to", after.node(split.node()).text());
        assertEquals(List.of(grandchild), after.liveChildren(split.node()));
        assertEquals(split.node(), after.node(grandchild).parent());
        assertEquals(withGrandchild.pathText(grandchild), after.pathText(grandchild));
    }

    @Test
    void splitThenJoinIsTheIdentityOnTheTree() {
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 200; trial++) {
            int size = 2 + random.nextInt(20);
            Loom.Result r = rooted.loom().append(root, LoomFixtures.randomRun(random, size), Origin.MODEL, GEN);
            Loom before = r.loom().append(r.node(), run(" end"), Origin.MODEL, GEN).loom();
            Loom after = before.split(r.node(), 1 + random.nextInt(size - 1)).loom().join(r.node());
            assertEquals(before.node(r.node()).tokens(), after.node(r.node()).tokens());
            assertEquals(before.node(r.node()).children(), after.node(r.node()).children());
            for (NodeId c : before.node(r.node()).children()) {
                assertEquals(r.node(), after.node(c).parent());
            }
        }
    }

    @Test
    void joinRefusesNodesWithSeveralChildrenOrAnotherOrigin() {
        Loom two = loom.append(root, run(" We"), Origin.MODEL, GEN).loom();
        assertThrows(IllegalArgumentException.class, () -> two.join(root));
        assertThrows(IllegalArgumentException.class, () -> loom.join(root)); // prompt with a model child
    }

    @Test
    void swapBranchesBesideTheSampledTokenAndKeepsTheOriginal() {
        Loom.Result swapped = loom.swap(completion, 2, 1); // " like" -> " likeX"
        Loom after = swapped.loom();
        assertEquals(" I would", after.node(completion).text());
        assertEquals(2, after.liveChildren(completion).size());
        Node swap = after.node(swapped.node());
        assertEquals(Origin.SWAP, swap.origin());
        assertEquals(" likeX", swap.text());
        assertEquals(-1.3, swap.tokens().logprob(0), 1e-6);
        assertEquals(3, swap.tokens().alternativeCount(0));
        assertEquals("Mr President, I would likeX", after.pathText(swapped.node()));
        NodeId original = after.liveChildren(completion).get(0);
        assertEquals("Mr President, I would like to", after.pathText(original));
    }

    @Test
    void swapAtTheFirstTokenMakesASibling() {
        Loom.Result swapped = loom.swap(completion, 0, 2);
        assertEquals(root, swapped.loom().node(swapped.node()).parent());
        assertEquals(List.of(completion, swapped.node()), swapped.loom().liveChildren(root));
    }

    @Test
    void perturbMidTokenCarriesTheTokenLeadAndOptionallyTheTail() {
        // " I would like to": chars 0..16; replace "ould" (4..8) inside token " would"
        Loom.Result cut = loom.perturb(completion, 4, 8, "ish", false);
        assertEquals("Mr President, I wish", cut.loom().pathText(cut.node()));
        assertEquals(Origin.EDIT, cut.loom().node(cut.node()).origin());
        assertFalse(cut.loom().node(cut.node()).tokens().token(0).isScored());

        Loom.Result kept = loom.perturb(completion, 4, 8, "ish", true);
        assertEquals("Mr President, I wish like to", kept.loom().pathText(kept.node()));
        NodeId original = kept.loom().liveChildren(completion).get(0);
        assertEquals("Mr President, I would like to", kept.loom().pathText(original));
    }

    @Test
    void perturbAtTheEndAppendsAndAtTheStartBranchesFromTheParent() {
        Loom.Result end = loom.perturb(completion, 16, 16, " say", false);
        assertEquals(completion, end.loom().node(end.node()).parent());
        Loom.Result start = loom.perturb(completion, 0, 2, " You", true);
        assertEquals(root, start.loom().node(start.node()).parent());
        assertEquals("Mr President, You would like to", start.loom().pathText(start.node()));
    }

    @Test
    void perturbKeepsPartialUtf8Whole() {
        // "€" is e2 82 ac: split across two tokens like byte-level BPE does
        TokenRun euro = TokenRun.of(List.of(
                new Token(Piece.of(" 5"), -1, List.of()),
                new Token(Piece.ofBytes(new byte[] {' ', (byte) 0xe2, (byte) 0x82}), -2, List.of()),
                new Token(Piece.ofBytes(new byte[] {(byte) 0xac}), -0.1, List.of()),
                new Token(Piece.of(" each"), -1, List.of())));
        Loom.Result r = rooted.loom().append(root, euro, Origin.MODEL, GEN);
        assertEquals(" 5 € each", r.loom().node(r.node()).text());
        assertFalse(euro.piece(1).isComplete());
        assertEquals(" \\xe2\\x82", euro.piece(1).text());
        Loom.Result edit = r.loom().perturb(r.node(), 3, 4, "$", true);   // replace "€"
        assertEquals("Mr President, 5 $ each", edit.loom().pathText(edit.node()));
    }

    @Test
    void perturbRejectsSpansOutsideTheNode() {
        assertThrows(IllegalArgumentException.class, () -> loom.perturb(completion, 5, 40, "x", true));
        assertThrows(IllegalArgumentException.class, () -> loom.perturb(completion, 6, 5, "x", true));
    }

    @Test
    void deleteHidesAndUndeleteRestores() {
        Loom deleted = loom.delete(completion);
        assertTrue(deleted.liveChildren(root).isEmpty());
        assertTrue(deleted.isHidden(completion));
        assertTrue(deleted.contains(completion), "delete keeps the subtree so it can be undone");
        assertEquals(loom.node(completion), deleted.undelete(completion).node(completion));
    }

    @Test
    void bookmarkAndFinishAreRecordedOnTheNode() {
        Loom after = loom.bookmark(completion, true).finish(completion, FinishReason.CUT);
        assertTrue(after.node(completion).bookmarked());
        assertEquals(FinishReason.CUT, after.node(completion).generation().finish());
        assertThrows(IllegalArgumentException.class, () -> loom.finish(root, FinishReason.STOP));
    }

    @Test
    void extendStreamsTokensIntoANode() {
        Loom after = loom.extend(completion, run(" thank")).extend(completion, run(" you"));
        assertEquals(" I would like to thank you", after.node(completion).text());
    }

    @Test
    void rescoreRequiresTheSameText() {
        Loom.Result edit = loom.perturb(completion, 16, 16, " say", false);
        Loom scored = edit.loom().rescore(edit.node(), run(" say"));
        assertTrue(scored.node(edit.node()).tokens().token(0).isScored());
        assertThrows(IllegalArgumentException.class, () -> edit.loom().rescore(edit.node(), run(" sing")));
    }

    @Test
    void oldLoomValuesAreUnchangedByOperations() {
        loom.split(completion, 2);
        loom.delete(completion);
        assertEquals(" I would like to", loom.node(completion).text());
        assertFalse(loom.node(completion).deleted());
    }

    @Test
    void ofValidatesParentsAndChildren() {
        Loom rebuilt = Loom.of(loom.nodes(), loom.roots(), loom.nextId());
        assertEquals(loom.node(completion), rebuilt.node(completion));
        Node orphan = new Node(new NodeId(5), new NodeId(0), Origin.MODEL, run(" x"), List.of(), GEN, false, false);
        List<Node> nodes = new java.util.ArrayList<>(loom.nodes());
        nodes.add(orphan);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Loom.of(nodes, loom.roots(), 6));
        assertTrue(e.getMessage().contains("not reachable"), e.getMessage());
    }

    @Test
    void actionsReplayToTheSameIds() {
        List<LoomAction> actions = List.of(
                new LoomAction.AddRoot(TokenRun.unscored("Hello")),
                new LoomAction.Append(new NodeId(0), run(" world", "!"), Origin.MODEL, GEN),
                new LoomAction.Swap(new NodeId(1), 1, 2),
                new LoomAction.Perturb(new NodeId(1), 0, 6, " there", false),
                new LoomAction.Bookmark(new NodeId(3), true));
        Loom a = Loom.empty();
        Loom b = Loom.empty();
        for (LoomAction action : actions) {
            a = action.apply(a).loom();
            b = action.apply(b).loom();
        }
        assertEquals(a.nextId(), b.nextId());
        for (Node n : a.nodes()) {
            assertEquals(n, b.node(n.id()));
        }
    }
}
