package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.id;
import static dev.weft.tui.UiFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.ReferenceConvergence;
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
public class UpdateConvergenceTest {
    private static final Generation G = new Generation("tiny", "tiny-1", SamplingParams.DEFAULTS, UiFixtures.NOW,
            FinishReason.STOP);

    private static TokenRun run(String... pieces) {
        List<Token> tokens = new ArrayList<>();
        for (String p : pieces) {
            tokens.add(Token.unscored(p));
        }
        return TokenRun.of(tokens);
    }

    public static UiState threeBranches() {
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

    /**
     * The attractor experiment as {@code weft attractor --session} records it: the mainline #1 #5 #7
     * (" The cat sat." " It slept" " on the mat.") and perturbations at three depths: #2 (an edit after
     * the prompt, re-joining), #4 (an edit after #5's split, re-joining) and #6 (a sample after #5 that never does).
     */
    static UiState mainlineWithPerturbations() {
        Loom.Result root = Loom.empty().addRoot(run("Once"));
        Loom loom = root.loom();
        Loom.Result main = loom.append(root.node(), run(" The", " cat", " sat", "."), Origin.MODEL, G);    // #1
        Loom.Result edit = main.loom().append(root.node(), run(" A", " dog"), Origin.EDIT, G);          // #2
        loom = edit.loom().append(edit.node(), run(" ran", ".", " It", " slept", " on", " the", " mat", "."),
                Origin.MODEL, G).loom();                                                                    // #3
        Loom.Result second = loom.append(main.node(), run(" It", " slept"), Origin.MODEL, G);           // #4
        Loom.Result edit2 = second.loom().append(main.node(), run(" Then"), Origin.EDIT, G);            // #5
        loom = edit2.loom().append(edit2.node(), run(" it", " slept", " on", " the", " mat", "."),
                Origin.MODEL, G).loom();                                                                    // #6
        loom = loom.append(second.node(), run(" on", " the", " mat", "."), Origin.MODEL, G).loom();       // #7
        loom = loom.append(second.node(), run(" forever", " and", " ever", "!"), Origin.MODEL, G).loom(); // #8
        return UiFixtures.empty().withLoom(loom).withFocus(new Focus(id(7), 0));
    }

    @Test
    void fromTheRootEveryBranchLeavingThePathAtAnyDepthIsMeasured() {
        UiState s = mainlineWithPerturbations();
        Next next = Update.update(s, key(s, Action.CONVERGENCE_VIEW));
        assertTrue(next.effects().isEmpty(), "figures come from the loom: no model call");
        ConvergenceView v = view(next.state());
        assertEquals(id(0), v.from());
        assertEquals(List.of(id(1), id(4), id(7)), v.figures().reference(), "the path through the cursor");
        assertEquals(List.of(id(2), id(5), id(8)), v.figures().branches().stream().map(b -> b.first()).toList(),
                "branches at three depths, shallowest first");
        assertEquals(List.of(id(0), id(1), id(4)), v.figures().branches().stream().map(b -> b.leaves()).toList());
        assertEquals(List.of(0, 4, 6), v.figures().branches().stream().map(b -> b.atToken()).toList());
        var dog = v.figures().branches().get(0).convergence();
        assertEquals(1, dog.rejoinAfter(), "' A dog' ' ran' | then the mainline's '. It slept on the mat.'");
        assertTrue(dog.endingMatched());
        var then = v.figures().branches().get(1).convergence();
        assertEquals(1, then.rejoinAfter(), "' Then' | ' it' then ' slept on the mat.'");
        assertFalse(then.endingMatched(), "' it slept on the mat.' is not ' It slept on the mat.'");
        assertFalse(v.figures().branches().get(2).convergence().rejoined());
        assertEquals(1, v.figures().convergedCount());
        assertEquals(2, v.figures().rejoinedCount());
        assertEquals(1.0, v.figures().medianRejoin());
        assertEquals("", v.sharedByAll(), "'!' against '.'");
    }

    @Test
    void fromALeafTheViewOpensOnTheNearestForkAboveAndMeasuresEachBranch() {
        Next next = Update.update(threeBranches(), key(threeBranches(), Action.CONVERGENCE_VIEW));
        ConvergenceView v = view(next.state());
        assertEquals(id(0), v.from());
        assertEquals("last sentence", v.figures().ending().rule());
        assertEquals(List.of(id(1)), v.figures().reference(), "the reference: the path through the cursor");
        assertEquals(2, v.figures().branches().size());
        var dog = v.figures().branches().get(0);
        assertEquals(3, dog.convergence().rejoinAfter(), "A dog ran | . It slept on the mat.");
        assertTrue(dog.convergence().endingMatched());
        assertFalse(v.figures().branches().get(1).convergence().rejoined());
        assertFalse(v.figures().branches().get(1).convergence().endingMatched());
        assertEquals(List.of(id(3), id(4)), v.figures().branches().get(1).nodes(), "a branch runs down to its leaf");
        assertEquals(". It slept on the mat.".length(), dog.shared(), "the tail it shares with the reference");
        assertEquals(".", v.sharedByAll());
    }

    @Test
    void rMakesAnotherPathTheReference() {
        UiState s = threeBranches();
        UiState onDog = s.withFocus(new Focus(id(2), 0));
        UiState set = press(onDog, Action.SET_REFERENCE);
        assertEquals(id(2), set.settings().experiments().reference());
        assertTrue(set.message().text().startsWith("reference: the path to #2"), set.message().text());
        ConvergenceView v = view(press(set.withFocus(new Focus(id(1), 0)), Action.CONVERGENCE_VIEW));
        assertEquals(List.of(id(2)), v.figures().reference());
        assertTrue(v.chosen());
        assertEquals(List.of(id(1), id(3)), v.figures().branches().stream().map(b -> b.first()).toList());
        assertEquals(3, v.figures().branches().get(0).convergence().rejoinAfter(), "The cat sat | . It slept on the mat.");
    }

    @Test
    void rOnARowOfTheViewMakesItsPathTheReference() {
        UiState s = press(threeBranches(), Action.CONVERGENCE_VIEW, Action.ROW_DOWN, Action.SET_REFERENCE);
        ConvergenceView v = view(s);
        assertEquals(id(2), v.referenceOf());
        assertEquals(List.of(id(2)), v.figures().reference());
        assertEquals(id(2), s.settings().experiments().reference());
    }

    @Test
    void withoutAForkThereIsNothingToCompare() {
        UiState s = UiFixtures.withCompletion();
        UiState after = press(s, Action.CONVERGENCE_VIEW);
        assertEquals(Overlay.NONE, after.overlay());
        assertTrue(after.message().text().startsWith("no branches leave this path"), after.message().text());
    }

    @Test
    void theTreeViewOpensItOnTheSelectedNode() {
        UiState tree = press(threeBranches(), Action.TREE_VIEW);
        assertEquals(View.TREE, tree.view());
        assertEquals(id(0), view(press(tree, Action.CONVERGENCE_VIEW)).from());
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
        assertEquals(5, ReferenceConvergence.commonSuffix("the mat.", "a mat."));
        assertEquals(0, ReferenceConvergence.commonSuffix("\uD83D\uDE00", "\uD83D\uDE01"));
    }
}
