package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.id;
import static dev.weft.tui.UiFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.LoomAction;
import dev.weft.loom.Origin;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.EditTarget;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.UiState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** E: the text from the cursor to the path end goes to $EDITOR; what comes back is an edit branch. */
class UpdateExternalEditTest {

    private static Effect.EditExternally pressE(UiState s) {
        Next next = Update.update(s, key(s, Action.EDIT_EXTERNALLY));
        return (Effect.EditExternally) next.effects().get(0);
    }

    @Test
    void theEditorGetsTheTextFromTheCursorToThePathEnd() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 1)); // on " bugs", in the prompt
        Effect.EditExternally e = pressE(s);
        assertEquals(" bugs real? Yes, they are.", e.text());
        assertEquals(new EditTarget.PerturbToEnd(id(0), 3, " bugs real? Yes, they are.", id(1)), e.target());
    }

    @Test
    void aChangeInALaterNodeBranchesThereAndTheOriginalStays() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 1));
        Effect.EditExternally e = pressE(s);
        // vim writes the file back with a newline at the end
        Next next = Update.update(s, new Msg.ExternallyEdited(e.target(), " bugs real? Yes, they were not.\n"));
        LoomAction.Perturb p = (LoomAction.Perturb) ((Effect.Journal) next.effects().get(0)).action();
        assertEquals(id(1), p.node(), "the first change is in the completion, not the prompt");
        UiState after = next.state();
        var edit = after.focus().current();
        assertEquals(Origin.EDIT, after.loom().node(edit).origin());
        assertEquals("Are bugs real? Yes, they were not.", after.loom().pathText(edit));
        assertEquals("Are bugs real? Yes, they are.", after.loom().pathText(after.loom().liveChildren(id(1)).get(0)),
                "the original rest stays beside the edit");
    }

    @Test
    void aChangeInThePromptBranchesThere() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 1));
        Effect.EditExternally e = pressE(s);
        UiState after = Update.update(s, new Msg.ExternallyEdited(e.target(), " fleas real?")).state();
        assertEquals("Are fleas real?", after.loom().pathText(after.focus().current()));
        assertEquals("Are bugs real? Yes, they are.", after.loom().pathText(id(1)), "the original path is whole");
    }

    @Test
    void noChangeMakesNothing() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 6));
        Effect.EditExternally e = pressE(s);
        Next next = Update.update(s, new Msg.ExternallyEdited(e.target(), e.text() + "\n"));
        assertEquals(List.of(), next.effects());
        assertEquals("no change", next.state().message().text());
    }

    @Test
    void ctrlZAsksToSuspend() {
        UiState s = UiFixtures.withCompletion();
        assertEquals(List.of(new Effect.Suspend()), Update.update(s, key(s, Action.SUSPEND)).effects());
    }
}
