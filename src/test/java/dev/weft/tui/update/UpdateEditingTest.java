package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.id;
import static dev.weft.tui.UiFixtures.key;
import static dev.weft.tui.UiFixtures.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.LoomAction;
import dev.weft.loom.Origin;
import dev.weft.loom.Token;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.EditTarget;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alternatives, swaps, the editor and perturbations. */
class UpdateEditingTest {

    private static UiState press(UiState s, Action... actions) {
        for (Action a : actions) {
            s = Update.update(s, key(s, a)).state();
        }
        return s;
    }

    private static UiState type(UiState s, String text) {
        for (char c : text.toCharArray()) {
            s = Update.update(s, typed(c)).state();
        }
        return s;
    }

    @Test
    void alternativesOpenOnTheCursorsTokenWithTheSampledOneSelectedAndNoEffects() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 6));
        Next next = Update.update(s, key(s, Action.ALTERNATIVES));
        assertEquals(new Overlay.Alternatives(id(1), 2, 0), next.state().overlay());
        assertTrue(next.effects().isEmpty());
    }

    @Test
    void typedTextHasNoAlternativesToShow() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 1));
        UiState after = press(s, Action.ALTERNATIVES);
        assertEquals(Overlay.NONE, after.overlay());
        assertTrue(after.message().text().contains("not sampled"));
    }

    @Test
    void swappingBranchesBesideTheOriginalAndMovesOntoTheNewToken() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 6));
        s = press(s, Action.ALTERNATIVES, Action.CHOICE_DOWN);
        Next next = Update.update(s, key(s, Action.SWAP));

        assertEquals(List.of(new Effect.Journal(new LoomAction.Swap(id(1), 2, 1))), next.effects(), "one action: the loom splits as it swaps");
        UiState after = next.state();
        assertEquals(Origin.SWAP, after.loom().node(after.focus().current()).origin());
        assertEquals(" No", after.loom().node(after.focus().current()).text());
        assertEquals(6, after.focus().cursor());
        assertEquals(" they are.", after.loom().node(id(2)).text(), "the original continuation stays");
    }

    @Test
    void swapAndRegenerateSamplesFromTheSwappedToken() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 6));
        s = press(s, Action.ALTERNATIVES, Action.CHOICE_DOWN);
        Next next = Update.update(s, key(s, Action.SWAP_REGENERATE));
        Effect.Generate g = (Effect.Generate) next.effects().get(next.effects().size() - 1);
        assertEquals("Are bugs real? Yes, No", g.prompt().text());
    }

    @Test
    void theEditorHoldsTheNodesTextFromTheCursorAndCommittingMakesAnEditBranch() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 6));
        s = press(s, Action.EDIT);
        Overlay.Editor editor = (Overlay.Editor) s.overlay();
        assertEquals(" they are.", editor.text());
        assertInstanceOf(EditTarget.Perturb.class, editor.target());

        s = press(s, Action.CARET_RIGHT, Action.CARET_RIGHT, Action.CARET_RIGHT, Action.CARET_RIGHT, Action.CARET_RIGHT,
                Action.CARET_RIGHT);
        s = press(s, Action.DELETE_FORWARD, Action.DELETE_FORWARD, Action.DELETE_FORWARD);
        s = type(s, "were");
        Next next = Update.update(s, key(s, Action.COMMIT));

        LoomAction.Perturb perturb = (LoomAction.Perturb) ((Effect.Journal) next.effects().get(0)).action();
        assertEquals(new LoomAction.Perturb(id(1), 11, 15, "were.", false), perturb);
        UiState after = next.state();
        assertEquals(Overlay.NONE, after.overlay());
        assertEquals(Origin.EDIT, after.loom().node(after.focus().current()).origin());
        assertEquals("Are bugs real? Yes, they were.", after.loom().pathText(after.focus().current()));
        assertEquals(" are.", after.loom().node(id(2)).text(), "the original stays beside the edit");
        assertEquals(" were.", after.loom().node(id(3)).text(), "the edit starts at the token it changes");
        assertInstanceOf(Effect.Score.class, next.effects().get(next.effects().size() - 1), "the backend scores text");
    }

    @Test
    void aScoredEditIsRescoredSoItGetsColours() {
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 6));
        s = press(s, Action.EDIT, Action.DELETE_FORWARD, Action.DELETE_FORWARD, Action.DELETE_FORWARD,
                Action.DELETE_FORWARD, Action.DELETE_FORWARD);
        Next committed = Update.update(s, key(s, Action.COMMIT));
        Effect.Score score = (Effect.Score) committed.effects().get(committed.effects().size() - 1);
        assertEquals(" are.", score.text());

        List<Token> tokens = List.of(Token.of(" are", -0.5, List.of()), Token.of(".", -0.1, List.of()));
        Next scored = Update.update(committed.state(), new Msg.Scored(score.request(), score.node(), tokens));
        assertEquals(2, scored.state().loom().node(score.node()).tokens().size());
        assertInstanceOf(LoomAction.Rescore.class, ((Effect.Journal) scored.effects().get(0)).action());
    }

    @Test
    void anUnchangedEditMakesNothing() {
        UiState s = press(UiFixtures.withCompletion(), Action.EDIT);
        Next next = Update.update(s, key(s, Action.COMMIT));
        assertTrue(next.effects().isEmpty());
        assertEquals("no change", next.state().message().text());
    }

    @Test
    void inAnEmptyLoomEditWritesThePrompt() {
        UiState s = press(UiFixtures.empty(), Action.EDIT);
        s = type(s, "Are bugs real?");
        Next next = Update.update(s, key(s, Action.COMMIT));
        assertInstanceOf(LoomAction.AddRoot.class, ((Effect.Journal) next.effects().get(0)).action());
        assertEquals("Are bugs real?", next.state().loom().pathText(next.state().focus().current()));
    }

    @Test
    void ctrlKDropsTheRestSoOneWordCanBePerturbedAndRegenerated() {
        // " Yes, they are." from the cursor on " they": move past " they", kill the rest, type a word
        UiState s = UiFixtures.withCompletion().withFocus(new Focus(id(1), 6));
        s = press(s, Action.EDIT);
        assertEquals(" they are.", ((Overlay.Editor) s.overlay()).text());
        s = press(s, Action.WORD_RIGHT);
        assertEquals(5, ((Overlay.Editor) s.overlay()).caret(), "C-Right: after ' they'");
        s = press(s, Action.KILL_TO_END);
        assertEquals(" they", ((Overlay.Editor) s.overlay()).text());
        s = press(type(press(s, Action.DELETE_WORD), "we"), Action.WORD_LEFT);
        assertEquals(" we", ((Overlay.Editor) s.overlay()).text(), "C-w took 'they'");
        assertEquals(1, ((Overlay.Editor) s.overlay()).caret());
        s = press(s, Action.KILL_TO_START);
        assertEquals("we", ((Overlay.Editor) s.overlay()).text());
        s = press(s, Action.COMMIT);
        assertEquals(" Yes,we", s.loom().pathText(s.focus().current()).substring("Are bugs real?".length()));
    }

    @Test
    void abandoningAnEditChangesNothing() {
        UiState s = type(press(UiFixtures.withCompletion(), Action.EDIT), "zzz");
        Next next = Update.update(s, key(s, Action.ABANDON));
        assertEquals(Overlay.NONE, next.state().overlay());
        assertTrue(next.effects().isEmpty());
        assertEquals(2, next.state().loom().size());
    }

    @Test
    void newlinesAndCaretMovesEditTheText() {
        UiState s = press(UiFixtures.empty(), Action.EDIT);
        s = type(s, "ab");
        s = press(s, Action.NEWLINE);
        s = type(s, "cd");
        s = press(s, Action.CARET_UP);
        assertEquals(2, ((Overlay.Editor) s.overlay()).caret());
        s = press(s, Action.CARET_HOME, Action.DELETE_FORWARD);
        assertEquals("b\ncd", ((Overlay.Editor) s.overlay()).text());
        assertNull(s.message());
    }
}
