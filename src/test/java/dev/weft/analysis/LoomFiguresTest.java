package dev.weft.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoomFiguresTest {
    private static final Generation GENERATED = new Generation("table", "hand-made", SamplingParams.DEFAULTS,
            Instant.parse("2026-11-29T00:00:00Z"), FinishReason.STOP);

    @Test
    void everyNodeAndEverySetOfSiblings() {
        Loom.Result root = Loom.empty().addRoot(TokenRun.unscored("Are bugs real?"));
        Loom.Result first = root.loom().append(root.node(), ConvergenceTest.continuation("There is no answer ."),
                Origin.MODEL, GENERATED);
        Loom.Result second = first.loom().append(root.node(), ConvergenceTest.continuation("There is no one answer ."),
                Origin.MODEL, GENERATED);
        Loom.Result split = second.loom().split(first.node(), 2); // " There is" | " no answer ."
        Loom.Result third = split.loom().append(root.node(), ConvergenceTest.continuation("Yes ."), Origin.MODEL,
                GENERATED);
        Loom loom = third.loom().delete(third.node());

        LoomFigures figures = LoomFigures.of(loom);
        assertEquals(List.of(0, 1, 2, 1), figures.nodes().stream().map(LoomFigures.NodeRow::depth).toList(),
                "root, the split completion, its suffix, the second completion; the deleted one is left out");
        assertEquals(Origin.PROMPT, figures.nodes().get(0).origin());
        assertEquals(NodeFigures.of(loom.node(split.node()).tokens()), figures.nodes().get(2).figures());

        assertEquals(1, figures.siblingSets().size());
        LoomFigures.SiblingRow siblings = figures.siblingSets().get(0);
        assertEquals(root.node(), siblings.parent());
        assertEquals(List.of(first.node(), second.node()), siblings.children());
        SiblingFigures expected = SiblingFigures.of(List.of(ConvergenceTest.continuation("There is no answer ."),
                ConvergenceTest.continuation("There is no one answer .")));
        assertEquals(expected, siblings.figures(), "the split sibling is read to the end of its line of descent");
        assertEquals(1.0 / 6, siblings.figures().diversity().meanEditDistance(), 1e-12);
        assertEquals(0.5, siblings.figures().pooled().meanProbability(), 1e-6);
        assertEquals(5 + 6, figures.whole().scored(), "the two visible completions; the prompt is unscored");
    }

    @Test
    void lineOfDescentFollowsTheFirstVisibleChild() {
        Loom.Result root = Loom.empty().addRoot(TokenRun.unscored("Q"));
        Loom.Result a = root.loom().append(root.node(), ConvergenceTest.continuation("a b c"), Origin.MODEL, GENERATED);
        Loom.Result split = a.loom().split(a.node(), 1);
        Loom.Result edit = split.loom().perturb(split.node(), 0, 0, " z", false); // a sibling of " b c"
        assertEquals(List.of(split.node(), edit.node()), edit.loom().liveChildren(a.node()));
        assertEquals(" a b c", LoomFigures.lineOfDescent(edit.loom(), a.node()).text());
        Loom hidden = edit.loom().delete(split.node());
        assertEquals(" a z", LoomFigures.lineOfDescent(hidden, a.node()).text());
    }

    @Test
    void aPathPickedFromTheMultiverseIsNoSampleAmongItsSiblings() {
        Loom.Result root = Loom.empty().addRoot(TokenRun.unscored("Are bugs real?"));
        Loom.Result first = root.loom().append(root.node(), ConvergenceTest.continuation("There is no answer ."),
                Origin.MODEL, GENERATED);
        Loom.Result second = first.loom().append(root.node(), ConvergenceTest.continuation("There is no one answer ."),
                Origin.MODEL, GENERATED);
        Loom.Result picked = second.loom().append(root.node(), ConvergenceTest.continuation("Yes ."), Origin.PICKED,
                GENERATED);

        LoomFigures figures = LoomFigures.of(picked.loom());
        assertEquals(List.of(first.node(), second.node()), figures.siblingSets().get(0).children(),
                "the two samples; the picked path is left out of their diversity");
        assertEquals(Origin.PICKED, figures.nodes().get(3).origin(), "it is still listed, as picked");
    }
}
