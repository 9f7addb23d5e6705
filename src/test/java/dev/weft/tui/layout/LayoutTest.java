package dev.weft.tui.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcollections.HashTreePSet;

class LayoutTest {

    private static List<String> lines(ReadLayout layout) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < layout.lineCount(); i++) {
            ReadLayout.Line l = layout.line(i);
            out.add(layout.cells().subList(l.from(), l.to()).stream().map(Cell::glyph).collect(Collectors.joining()));
        }
        return out;
    }

    private static ReadPath path(String... tokens) {
        List<Token> list = new ArrayList<>();
        for (String t : tokens) {
            list.add(Token.unscored(t));
        }
        Loom.Result r = Loom.empty().addRoot(TokenRun.of(list));
        return ReadPath.of(r.loom(), r.node());
    }

    @Test
    void wrapsAtSpacesAndHardBreaksWordsLongerThanALine() {
        ReadLayout layout = ReadLayout.wrap(ReadText.of(path("the quick", " brown", " fox", " jumpsoverthelazydog"), "│"), 10);
        assertEquals(List.of("the quick ", "brown fox ", "jumpsovert", "helazydog"), lines(layout));
        assertEquals(1, layout.lineOfToken(1));
        assertEquals(2, layout.tokenAt(1, 8), "the token at the column of the line");
    }

    @Test
    void wideCharactersTakeTwoColumnsAndNeverSplitAcrossTheEdge() {
        ReadLayout layout = ReadLayout.wrap(ReadText.of(path("漢字漢字", "😀x"), "│"), 5);
        assertEquals(List.of("漢字", "漢字", "😀x"), lines(layout));
        assertEquals(2, layout.column(layout.cellOfToken(0) + 1));
    }

    @Test
    void newlinesBreakAndTabsReachTheNextStop() {
        ReadLayout layout = ReadLayout.wrap(ReadText.of(path("a\n", "\tb"), "│"), 20);
        assertEquals(2, layout.lineCount());
        int b = layout.cells().size() - 1;
        assertEquals(ReadLayout.TAB, layout.column(b));
    }

    @Test
    void controlCharactersBecomeVisibleAndInvisibleOnesAMark() {
        List<String> glyphs = Glyphs.split("a\u001b[2J\u0007\u200be\u0301").stream().map(Glyphs.Glyph::text).toList();
        assertEquals(List.of("a", "␛", "[", "2", "J", "␇", "◌", "e"), glyphs);
        assertFalse(String.join("", Glyphs.split("\u202eevil").stream().map(Glyphs.Glyph::text).toList()).contains("\u202e"));
    }

    @Test
    void aCharacterSplitAcrossTokensIsShownOnceOnTheTokenThatCompletesIt() {
        byte[] euro = "€".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Token head = new Token(Piece.ofBytes(new byte[] {euro[0], euro[1]}), -1, List.of());
        Token tail = new Token(Piece.ofBytes(new byte[] {euro[2]}), -1, List.of());
        Loom.Result r = Loom.empty().addRoot(TokenRun.of(Token.unscored("5"), head, tail));
        List<Cell> cells = ReadText.of(ReadPath.of(r.loom(), r.node()), "│");
        assertEquals(List.of("5", "€"), cells.stream().map(Cell::glyph).toList());
        assertEquals(2, cells.get(1).token());
    }

    @Test
    void boundariesSitBetweenNodesAndEmptyNodesHoldNoTokens() {
        Loom.Result root = Loom.empty().addRoot(TokenRun.of(Token.unscored("a"), Token.unscored("b")));
        Loom.Result empty = root.loom().append(root.node(), TokenRun.EMPTY, Origin.MODEL, null);
        Loom.Result last = empty.loom().append(empty.node(), TokenRun.unscored("c"), Origin.MODEL, null);
        ReadPath p = ReadPath.of(last.loom(), last.node());
        assertEquals(3, p.size());
        assertEquals(2, p.nodeAt(2), "token 2 is in the last node, not the empty one");
        assertEquals(List.of("a", "b", "│", "│", "c"), ReadText.of(p, "│").stream().map(Cell::glyph).toList());
    }

    @Test
    void treeRowsDrawGuidesFoldAndHoist() {
        Loom.Result root = Loom.empty().addRoot(TokenRun.unscored("r"));
        Loom loom = root.loom();
        NodeId a = loom.nextId() == 1 ? new NodeId(1) : null;
        loom = loom.append(root.node(), TokenRun.unscored("a"), Origin.MODEL, null).loom();
        loom = loom.append(a, TokenRun.unscored("a1"), Origin.MODEL, null).loom();
        loom = loom.append(root.node(), TokenRun.unscored("b"), Origin.MODEL, null).loom();
        TreeRows rows = TreeRows.of(loom, HashTreePSet.empty(), null);
        assertEquals(4, rows.size());
        assertEquals(List.of("", "├─", "│ └─", "└─"), List.of(rows.guides(0, 9), rows.guides(1, 9), rows.guides(2, 9), rows.guides(3, 9)));
        assertEquals(3, TreeRows.of(loom, HashTreePSet.singleton(a), null).size());
        assertEquals(2, TreeRows.of(loom, HashTreePSet.empty(), a).size());
        assertEquals("⋯└─", rows.guides(2, 1), "deep rows are shortened");
    }

    @Test
    void treeRowsFindEachShownNodeAndNoOther() {
        Loom.Result root = Loom.empty().addRoot(TokenRun.unscored("r"));
        Loom loom = root.loom();
        List<NodeId> ids = new java.util.ArrayList<>(List.of(root.node()));
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            Loom.Result added = loom.append(ids.get(random.nextInt(ids.size())), TokenRun.unscored("n" + i), Origin.MODEL, null);
            loom = added.loom();
            ids.add(added.node());
        }
        NodeId folded = ids.get(1);
        TreeRows rows = TreeRows.of(loom, HashTreePSet.singleton(folded), null);
        java.util.Set<NodeId> hidden = new java.util.HashSet<>();
        for (NodeId id : ids) {
            for (dev.weft.loom.Node n : loom.path(id)) {
                if (n.id().equals(folded) && !id.equals(folded)) {
                    hidden.add(id);
                }
            }
        }
        assertEquals(ids.size() - hidden.size(), rows.size());
        for (NodeId id : ids) {
            int at = rows.indexOf(id);
            if (hidden.contains(id)) {
                assertEquals(-1, at, id + " is under a fold");
            } else {
                assertEquals(id, rows.row(at).id());
                assertEquals(id, rows.id(at));
                assertEquals(rows.row(at), rows.rows().get(at));
                TreeRows.Row row = rows.row(at);
                assertEquals(row.parentRow() < 0 ? 0 : rows.row(row.parentRow()).depth() + 1, row.depth());
            }
        }
        assertEquals(true, rows.row(rows.indexOf(folded)).collapsed());
        assertEquals(-1, rows.indexOf(new NodeId(1_000_000)), "an id the loom never had");
        assertEquals(-1, rows.indexOf(null));
    }
}
