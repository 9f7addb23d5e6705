package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.id;
import static dev.weft.tui.UiFixtures.key;
import static dev.weft.tui.UiFixtures.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.LoomAction;
import dev.weft.loom.Origin;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import dev.weft.loom.TextIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Siblings, deleting and undoing, bookmarks, search and the tree view. */
class UpdateTreeTest {

    private static UiState press(UiState s, Action... actions) {
        for (Action a : actions) {
            s = Update.update(s, key(s, a)).state();
        }
        return s;
    }

    /** The fixture plus two more completions of the prompt: #1, #2 and #3 are siblings. */
    private static UiState threeSiblings() {
        UiState s = UiFixtures.withCompletion();
        var loom = s.loom().append(id(0), TokenRun.unscored(" No."), Origin.MODEL, null).loom()
                .append(id(0), TokenRun.of(Token.unscored(" Maybe"), Token.unscored(" bugs"), Token.unscored(".")),
                        Origin.MODEL, null).loom();
        return s.withLoom(loom);
    }

    @Test
    void siblingKeysWalkTheCompletionsOfTheNodeUnderTheCursor() {
        UiState s = threeSiblings();
        UiState next = press(s, Action.SIBLING_NEXT);
        assertEquals(new Focus(id(2), 4), next.focus());
        assertEquals("sibling 2 of 3", next.message().text());
        assertEquals(id(1), press(s, Action.SIBLING_NEXT, Action.SIBLING_NEXT, Action.SIBLING_NEXT).focus().current(),
                "wraps around");
    }

    @Test
    void deleteHidesTheNodeAndUndoBringsItBack() {
        UiState s = threeSiblings();
        Next deleted = Update.update(s, key(s, Action.DELETE));
        assertEquals(List.of(new Effect.Journal(new LoomAction.Delete(id(1)))), deleted.effects());
        assertTrue(deleted.state().loom().node(id(1)).deleted());
        assertEquals(id(0), deleted.state().focus().current(), "the read view falls back to the parent");

        Next undone = Update.update(deleted.state(), key(deleted.state(), Action.UNDO));
        assertEquals(List.of(new Effect.Journal(new LoomAction.Undelete(id(1)))), undone.effects());
        assertEquals(s.focus(), undone.state().focus());
        assertFalse(undone.state().loom().node(id(1)).deleted());
    }

    @Test
    void pruneDeletesTheSiblingsInOneUndoableStep() {
        UiState pruned = press(threeSiblings(), Action.PRUNE);
        assertTrue(pruned.loom().node(id(2)).deleted());
        assertTrue(pruned.loom().node(id(3)).deleted());
        assertEquals(id(1), pruned.focus().current());
        UiState undone = press(pruned, Action.UNDO);
        assertEquals(List.of(id(1), id(2), id(3)), undone.loom().liveChildren(id(0)));
        assertTrue(undone.undo().isEmpty());
    }

    @Test
    void bookmarksToggleAndJump() {
        UiState s = press(threeSiblings(), Action.SIBLING_NEXT, Action.SIBLING_NEXT, Action.BOOKMARK);
        assertTrue(s.loom().node(id(3)).bookmarked());
        s = press(press(s, Action.SIBLING_NEXT), Action.NEXT_BOOKMARK);
        assertEquals(id(3), s.focus().current());
    }

    @Test
    void searchJumpsToTheMatchingNodeAndNStepsThroughMatches() {
        UiState s = press(threeSiblings(), Action.SEARCH);
        for (char c : "BUG".toCharArray()) {
            s = Update.update(s, typed(c)).state();
        }
        var asked = Update.update(s, key(s, Action.RUN_SEARCH));
        Effect.Search search = (Effect.Search) asked.effects().get(0);
        assertEquals(1, asked.effects().size(), "the search runs off the UI thread");
        s = Update.update(asked.state(), Searching.find(new TextIndex(), search)).state();
        assertEquals(List.of(id(0), id(3)), s.search().matches());
        assertEquals(id(3), s.focus().current(), "the first match after the current node");
        assertEquals(5, s.focus().cursor(), "on the token where the match starts");
        assertEquals(id(0), press(s, Action.SEARCH_NEXT).focus().current());
    }

    @Test
    void theTreeOpensOnTheCurrentNodeFoldsHoistsAndOpensANode() {
        UiState s = press(threeSiblings(), Action.TREE_VIEW);
        assertEquals(View.TREE, s.view());
        assertEquals(id(1), s.tree().selected());

        s = press(s, Action.ROW_UP, Action.COLLAPSE);
        assertTrue(s.tree().collapsed().contains(id(0)));
        s = press(s, Action.EXPAND, Action.ROW_DOWN, Action.ROW_DOWN);
        assertEquals(id(2), s.tree().selected());

        s = press(s, Action.HOIST);
        assertEquals(id(2), s.tree().hoist());
        s = press(s, Action.UNHOIST, Action.OPEN);
        assertEquals(View.READ, s.view());
        assertEquals(new Focus(id(2), 4), s.focus());
    }

    @Test
    void deletingTheSelectedRowSelectsItsParent() {
        UiState s = press(threeSiblings(), Action.TREE_VIEW, Action.ROW_DOWN, Action.DELETE);
        assertTrue(s.loom().node(id(2)).deleted());
        assertEquals(id(0), s.tree().selected());
    }

    @Test
    void generatingInTheTreeContinuesTheSelectedNode() {
        UiState s = press(threeSiblings(), Action.TREE_VIEW, Action.ROW_DOWN);
        Next next = Update.update(s, key(s, Action.GENERATE));
        LoomAction.Append append = (LoomAction.Append) ((Effect.Journal) next.effects().get(0)).action();
        assertEquals(id(2), append.parent());
        assertEquals(View.TREE, next.state().view());
    }
}
