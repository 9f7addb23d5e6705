package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.id;
import static dev.weft.tui.UiFixtures.key;
import static dev.weft.tui.UiFixtures.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeMarks;
import dev.weft.loom.Origin;
import dev.weft.loom.TextIndex;
import dev.weft.loom.TokenRun;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tags, notes and unread markers: keys and commands in, the loom and the journal out. */
class UpdateMarksTest {

    private static UiState press(UiState s, Action... actions) {
        for (Action a : actions) {
            s = Update.update(s, key(s, a)).state();
        }
        return s;
    }

    private static Next command(UiState s, String line) {
        return Update.update(s, new Msg.CommandEntered(line, UiFixtures.NOW));
    }

    /** The fixture plus #2 and #3, model siblings of #1 that nobody has read; #4 under #3, also unread. */
    private static UiState unreadSiblings() {
        UiState s = UiFixtures.withCompletion();
        var loom = s.loom();
        for (String text : List.of(" No.", " Maybe.")) {
            var r = loom.append(id(0), TokenRun.unscored(text), Origin.MODEL, null);
            loom = r.loom().mark(r.node(), NodeMarks.NONE.withUnread(true));
        }
        var r = loom.append(id(3), TokenRun.unscored(" Why?"), Origin.MODEL, null);
        loom = r.loom().mark(r.node(), NodeMarks.NONE.withUnread(true));
        return s.withLoom(loom);
    }

    private static List<LoomAction> journaled(Next next) {
        return next.effects().stream().filter(e -> e instanceof Effect.Journal)
                .map(e -> ((Effect.Journal) e).action()).toList();
    }

    @Test
    void tabOpensTheNextUnreadNodeWhichIsThenReadAndJournaledSo() {
        UiState s = unreadSiblings();
        Next next = Update.update(s, key(s, Action.NEXT_UNREAD));
        assertEquals(id(2), next.state().focus().current());
        assertFalse(next.state().loom().node(id(2)).marks().unread(), "on screen now: read");
        assertEquals(List.of(new LoomAction.Mark(id(2), NodeMarks.NONE)), journaled(next));
        assertEquals("unread #2 · 2 more unread · Tab", next.state().message().text());

        s = press(next.state(), Action.NEXT_UNREAD);
        assertEquals(id(3), s.focus().current());
        s = press(s, Action.NEXT_UNREAD);
        assertEquals(id(4), s.focus().current());
        assertFalse(s.loom().node(id(4)).marks().unread());
        assertEquals("unread #4 · nothing else unread", s.message().text());
        assertEquals("nothing unread: every generated node has been looked at",
                press(s, Action.NEXT_UNREAD).message().text());
    }

    @Test
    void movingOntoAnUnreadNodeReadsItAndItsAncestorsButTheTreeOnlySelects() {
        UiState s = unreadSiblings();
        Next next = Update.update(s, key(s, Action.SIBLING_NEXT));
        assertEquals(id(2), next.state().focus().current());
        assertEquals(List.of(new LoomAction.Mark(id(2), NodeMarks.NONE)), journaled(next));

        s = unreadSiblings();
        next = Update.update(s, new Msg.Resized(new dev.weft.tui.state.Size(80, 24)));
        assertEquals(List.of(), journaled(next), "nothing new on screen, nothing read");
        next = Update.update(s, new Msg.SearchDone(7, "why", List.of(id(4)), 0));
        assertEquals(List.of(new LoomAction.Mark(id(3), NodeMarks.NONE), new LoomAction.Mark(id(4), NodeMarks.NONE)),
                journaled(next), "the read view now shows #3's and #4's text");
        assertTrue(next.state().loom().node(id(2)).marks().unread());

        UiState tree = press(unreadSiblings(), Action.TREE_VIEW);
        tree = press(tree, Action.NEXT_UNREAD);
        assertEquals(id(2), tree.tree().selected());
        assertTrue(tree.loom().node(id(2)).marks().unread(), "a tree row shows a preview, not the text");
        tree = press(tree, Action.NEXT_UNREAD);
        assertEquals(id(3), tree.tree().selected(), "Tab goes on from the selected row");
        assertEquals("unread #3 · 3 more unread · Tab", tree.message().text());
    }

    @Test
    void tagsAreAddedAndRemovedOnTheAnchorNodeAndJournaled() {
        UiState s = UiFixtures.withCompletion();
        Next tagged = command(s, "tag keep odd");
        assertEquals(List.of(new LoomAction.Mark(id(1), new NodeMarks(List.of("keep", "odd"), "", false))),
                journaled(tagged));
        assertEquals("tagged #1: #keep #odd · /tag:keep finds them", tagged.state().message().text());

        Next untagged = command(tagged.state(), "untag odd");
        assertEquals(List.of("keep"), untagged.state().loom().node(id(1)).marks().tags());
        assertEquals("removed #odd from #1 · left: #keep", untagged.state().message().text());

        Next refused = command(untagged.state(), "untag nope");
        assertEquals(List.of(), journaled(refused));
        assertEquals(":untag: #1 has no tag #nope (its tags: #keep)", refused.state().message().text());

        Next bad = command(untagged.state(), "tag a\u0007b");
        assertEquals(List.of(), journaled(bad));
        assertTrue(bad.state().message().error());
    }

    @Test
    void hashOpensTheCommandLineWithTagTyped() {
        UiState s = press(UiFixtures.withCompletion(), Action.TAG);
        Overlay.Command line = (Overlay.Command) s.overlay();
        assertEquals("tag ", line.line().text());
        assertEquals(4, line.line().caret());
    }

    @Test
    void aNoteIsWrittenShownAndRemovedSayingWhatItSaid() {
        UiState s = UiFixtures.withCompletion();
        Next noted = command(s, "note converges to the template by token 30");
        assertEquals(List.of(new LoomAction.Mark(id(1), NodeMarks.NONE.withNote("converges to the template by token 30"))),
                journaled(noted));
        assertEquals("#1 note: converges to the template by token 30 · :unnote removes it",
                command(noted.state(), "note").state().message().text());
        Next removed = command(noted.state(), "unnote");
        assertEquals("", removed.state().loom().node(id(1)).marks().note());
        assertEquals("note removed from #1 (it said: converges to the template by token 30)",
                removed.state().message().text());
    }

    @Test
    void tagSearchKeepsOnlyTaggedNodesAndMayAlsoAskForText() {
        UiState s = unreadSiblings();
        var loom = s.loom().mark(id(2), new NodeMarks(List.of("Keep"), "", false))
                .mark(id(4), new NodeMarks(List.of("keep", "x"), "", false));
        s = s.withLoom(loom);
        assertEquals(List.of(id(2), id(4)), search(s, "tag:keep").search().matches());
        assertEquals(List.of(id(4)), search(s, "tag:keep why").search().matches());
        assertEquals(List.of(id(4)), search(s, "tag:keep tag:x").search().matches());
        assertEquals("no match for \"tag:nope\"", search(s, "tag:nope").message().text());
    }

    @Test
    void treeSearchStartsAtTheSelectedRow() {
        UiState s = press(unreadSiblings(), Action.TREE_VIEW, Action.ROW_DOWN, Action.ROW_DOWN);
        assertEquals(id(3), s.tree().selected());
        s = search(s, "y");
        assertEquals(id(4), s.tree().selected(), "the first match after the selected row #3, not after the read view's #1");
    }

    private static UiState search(UiState s, String query) {
        s = press(s, Action.SEARCH);
        for (char c : query.toCharArray()) {
            s = Update.update(s, typed(c)).state();
        }
        Next asked = Update.update(s, key(s, Action.RUN_SEARCH));
        Effect.Search effect = (Effect.Search) asked.effects().get(0);
        return Update.update(asked.state(), Searching.find(new TextIndex(), effect)).state();
    }

    @Test
    void aJumpOutOfAHoistSaysTheHoistWasLifted() {
        UiState s = press(unreadSiblings(), Action.TREE_VIEW, Action.ROW_DOWN, Action.ROW_DOWN, Action.HOIST);
        assertEquals(id(3), s.tree().hoist());
        s = press(s, Action.NEXT_UNREAD);
        assertEquals(id(4), s.tree().selected(), "inside the hoist: it stays");
        assertEquals(id(3), s.tree().hoist());
        s = press(s, Action.NEXT_UNREAD);
        assertEquals(id(2), s.tree().selected());
        assertEquals(null, s.tree().hoist());
        assertEquals("unread #2 · 3 more unread · Tab · hoist of #3 lifted: the node is outside it", s.message().text());
    }
}
