package dev.weft.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import dev.weft.model.Completion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttractorTreeTest {
    private static final Generation GREEDY = new Generation("table", "hand-made",
            SamplingParams.DEFAULTS.withTemperature(0), Instant.parse("2026-11-29T00:00:00Z"), FinishReason.RUNNING);

    @Test
    void everyPerturbationBecomesAMarkedBranchWithItsRegenerationBelow() {
        TokenRun original = PerturbationPlanTest.original(6); // " w0 w1 w2 w3 w4 w5"
        List<PerturbedRun> runs = List.of(
                run(new Perturbation.Insert(0, " So,"), "w0 w1 w2 w3"),
                run(new Perturbation.Swap(2, 1, original.alternative(2, 1).piece(), -1.6), "w3 w4"),
                run(new Perturbation.Edit(4, " bugs"), "w5 w6"),
                run(new Perturbation.Edit(6, " more"), "!"));
        AttractorReport report = new AttractorReport(new Completion(original.tokens(), FinishReason.LENGTH),
                new Ending.Located(" w5", 5, "last 1 tokens"), 0, runs);

        Loom loom = Loom.empty();
        List<NodeId> created = new ArrayList<>();
        for (LoomAction action : AttractorTree.actions(Loom.empty(), "Q:", report, GREEDY, GREEDY)) {
            Loom.Result result = action.apply(loom);
            loom = result.loom();
            created.add(result.node());
        }

        assertEquals(2 + 2 * runs.size(), created.size(), "root, completion, then a branch and its regeneration each");
        List<String> expected = List.of("Q: So, w0 w1 w2 w3", "Q: w0 w1 w2a w3 w4", "Q: w0 w1 w2 w3 bugs w5 w6",
                "Q: w0 w1 w2 w3 w4 w5 more !");
        List<Origin> kinds = List.of(Origin.EDIT, Origin.SWAP, Origin.EDIT, Origin.EDIT);
        for (int k = 0; k < runs.size(); k++) {
            NodeId branch = created.get(2 + 2 * k);
            NodeId regenerated = created.get(3 + 2 * k);
            assertEquals(kinds.get(k), loom.node(branch).origin());
            assertEquals(expected.get(k), loom.pathText(regenerated));
            assertEquals(FinishReason.STOP, loom.node(regenerated).generation().finish());
        }
        NodeId completion = created.get(1);
        assertEquals(FinishReason.LENGTH, loom.node(completion).generation().finish());
        assertEquals(" w0 w1 w2 w3 w4 w5 more !", LoomFigures.lineOfDescent(loom, completion).text(),
                "the completion is whole across its splits; the edit at its very end hangs below it");
    }

    private static PerturbedRun run(Perturbation p, String regenerated) {
        Completion completion = new Completion(ConvergenceTest.continuation(regenerated).tokens(), FinishReason.STOP);
        return new PerturbedRun(p, completion, new Convergence(null, false, 1));
    }
}
