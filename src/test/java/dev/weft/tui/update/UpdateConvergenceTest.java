package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.id;
import static dev.weft.tui.UiFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.ConvergenceView;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three branches under the prompt #0: the reference #1 " The cat sat. It slept on the mat.", #2 that
 * differs in its first three tokens and then re-joins it, and #3 (continued by #4) that never does.
 */
class UpdateConvergenceTest {
    private static final Generation G = new Generation("tiny", "tiny-1", SamplingParams.DEFAULTS, UiFixtures.NOW,
            FinishReason.STOP);

    private static TokenRun run(String... pieces) {
        List<Token> tokens = new ArrayList<>();
        for (String p : pieces) {
            tokens.add(Token.unscored(p));
        }
        return TokenRun.of(tokens);
    }

    static UiState threeBranches() {
        Loom.Result root = Loom.empty().addRoot(run("Once"));
        Loom loom = root.loom();
        loom = loom.append(root.node(), run(" The", " cat", " sat", ".", " It", " slept", " on", " the", " mat", "."), Origin.MODEL, G).loom();
        loom = loom.append(root.node(), run(" A", " dog", " ran", ".", " It", " slept", " on", " the", " mat", "."), Origin.MODEL, G).loom();
        Loom.Result third = loom.append(root.node(), run(" Rain", " fell", "."), Origin.MODEL, G);
        loom = third.loom().append(third.node(), run(" Nobody", " came", "."), Origin.MODEL, G).loom();
        return UiFixtures.empty().withLoom(loom).withFocus(new Focus(id(1), 2));
    }

    private static ConvergenceView view(UiState s) {
        return assertInstanceOf(Overlay.Convergence.class, s.overlay()).view();
    }

    private static UiState press(UiState s, Action... actions) {
        for (Action a : actions) {
            s = Update.update(s, key(s, a)).state();
        }
        return s;
    }

    @Test
    void fromALeafTheViewOpensOnTheNearestForkAboveAndMeasuresEachBranch() {
        Next next = Update.update(threeBranches(), key(threeBranches(), Action.CONVERGENCE_VIEW));
        assertTrue(next.effects().isEmpty(), "figures come from the loom: no model call");
        ConvergenceView v = view(next.state());
        assertEquals(id(0), v.parent());
        assertEquals("last sentence", v.ending());
        assertEquals(3, v.branches().size());
        assertNull(v.branches().get(0).convergence(), "the first branch is the reference");
        assertEquals(3, v.branches().get(1).convergence().rejoinAfter(), "A dog ran | . It slept on the mat.");
        assertTrue(v.branches().get(1).convergence().endingMatched());
        assertFalse(v.branches().get(2).convergence().rejoined());
        assertFalse(v.branches().get(2).convergence().endingMatched());
        assertEquals(List.of(id(3), id(4)), v.branches().get(2).nodes(), "a branch runs down its first children");
        assertEquals(". It slept on the mat.".length(), v.branches().get(1).shared(), "the tail it shares with the reference");
        assertEquals(". It slept on the mat.".length(), v.branches().get(0).shared(), "the reference: as much as its closest branch");
        assertEquals(".", v.sharedByAll());
    }

    @Test
    void withoutAForkThereIsNothingToCompare() {
        UiState s = UiFixtures.withCompletion();
        UiState after = press(s, Action.CONVERGENCE_VIEW);
        assertEquals(Overlay.NONE, after.overlay());
        assertTrue(after.message().text().startsWith("no branches here"));
    }

    @Test
    void theTreeViewOpensItOnTheSelectedNode() {
        UiState tree = press(threeBranches(), Action.TREE_VIEW);
        assertEquals(View.TREE, tree.view());
        assertEquals(id(0), view(press(tree, Action.CONVERGENCE_VIEW)).parent());
    }

    @Test
    void movingSelectsABranchAndEnterOpensItsLeaf() {
        UiState s = press(threeBranches(), Action.CONVERGENCE_VIEW);
        assertEquals(1, view(press(s, Action.ROW_DOWN)).selected());
        assertEquals(2, view(press(s, Action.ROW_DOWN, Action.ROW_DOWN, Action.ROW_DOWN)).selected(), "stops at the last");
        assertEquals(0, view(press(s, Action.ROW_UP)).selected());
        UiState opened = press(s, Action.ROW_DOWN, Action.ROW_DOWN, Action.OPEN);
        assertEquals(Overlay.NONE, opened.overlay());
        assertEquals(View.READ, opened.view());
        assertEquals(id(4), opened.focus().current());
        assertEquals(Overlay.NONE, press(s, Action.CLOSE).overlay());
    }

    @Test
    void commonSuffixNeverSplitsACharacter() {
        assertEquals(5, ConvergenceKeys.commonSuffix("the mat.", "a mat."));
        assertEquals(0, ConvergenceKeys.commonSuffix("\uD83D\uDE00", "\uD83D\uDE01"));
    }
}
