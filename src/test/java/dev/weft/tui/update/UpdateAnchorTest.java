package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.id;
import static dev.weft.tui.UiFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.LoomAction;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import org.junit.jupiter.api.Test;

/** One anchor: the node the status bar names (under the cursor) is the node g, V and friends act on. */
class UpdateAnchorTest {

    @Test
    void generateAddsChildrenToTheNodeUnderTheCursorNotThePathEnd() {
        // the path is #0 (prompt) then #1; the cursor sits on the prompt's second token
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 1));
        Next next = Update.update(s, key(s, Action.GENERATE));

        LoomAction.Append append = (LoomAction.Append) ((Effect.Journal) next.effects().get(0)).action();
        assertEquals(id(0), append.parent(), "the child hangs under the node under the cursor");
        Effect.Generate generate = (Effect.Generate) next.effects().get(next.effects().size() - 1);
        assertEquals("Are bugs real?", generate.prompt().text(), "the prompt ends where that node ends");
        assertEquals(id(2), next.state().focus().current(), "the read view follows the new child");
        assertEquals("generating 1 completion of #0 at T=1 · Esc cancels", next.state().message().text());
    }

    @Test
    void generateAtTheLastNodeStillContinuesThePath() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 6));
        Next next = Update.update(s, key(s, Action.GENERATE));
        LoomAction.Append append = (LoomAction.Append) ((Effect.Journal) next.effects().get(0)).action();
        assertEquals(id(1), append.parent());
    }

    @Test
    void compareStartsFromTheNodeUnderTheCursor() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 2));
        Next next = Update.update(s, key(s, Action.COMPARE_VIEW));
        Overlay.Compare compare = (Overlay.Compare) next.state().overlay();
        assertEquals(id(0), compare.view().node());
        assertEquals("Are bugs real?", compare.view().context());
    }

    @Test
    void inTheTreeGenerateExtendsTheSelectedRow() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 6));
        s = Update.update(s, key(s, Action.TREE_VIEW)).state();
        s = Update.update(s, key(s, Action.ROW_UP)).state();
        assertEquals(View.TREE, s.view());
        Next next = Update.update(s, key(s, Action.GENERATE));
        LoomAction.Append append = (LoomAction.Append) ((Effect.Journal) next.effects().get(0)).action();
        assertEquals(id(0), append.parent());
    }

    @Test
    void anUnboundKeySaysSoAndPointsAtHelp() {
        UiState s = UiFixtures.withCompletion();
        Next next = Update.update(s, new dev.weft.tui.state.Msg.Key(dev.weft.tui.keys.KeySpec.parse("Space"), UiFixtures.NOW));
        assertEquals("Space is not bound · ? lists the keys", next.state().message().text());
        assertEquals(s.loom(), next.state().loom());
    }
}
