package dev.weft.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Prompt;
import dev.weft.model.embedded.EmbeddedModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttractorExperimentTest {
    private static final SamplingParams PARAMS =
            SamplingParams.DEFAULTS.withMaxTokens(12).withTopLogprobs(3).withSeed(1L);

    /** Greedy: " a b c d e."; after " z" it finds its way back, after " a y" it does not. */
    private static final TableModel ATTRACTOR = new TableModel(true)
            .after("Q", " a", 0.8, " z", 0.2)
            .after("Q a", " b", 0.9, " y", 0.1)
            .after("Q a b", " c", 1.0)
            .after("Q a b c", " d", 1.0)
            .after("Q a b c d", " e", 1.0)
            .after("Q a b c d e", ".", 1.0)
            .after("Q z", " x", 1.0)
            .after("Q z x", " c", 1.0)
            .after("Q z x c", " d", 1.0)
            .after("Q z x c d", " e", 1.0)
            .after("Q z x c d e", ".", 1.0)
            .after("Q a y", " w", 1.0)
            .after("Q a y w", "!", 1.0);

    @Test
    void oneSwapReturnsToTheEndingAndOneEscapes() throws Exception {
        AttractorReport report = AttractorExperiment.run(ATTRACTOR, Prompt.of("Q"), PARAMS, 0,
                new Ending.LastTokens(2), new PerturbationPlan.Swaps(5, 1));
        assertEquals(" a b c d e.", report.original().text());
        assertEquals(new Ending.Located(" e.", 4, "last 2 tokens"), report.ending());
        assertEquals(2, report.runs().size(), "only the first two tokens have alternatives");

        PerturbedRun back = report.runs().get(0);
        assertEquals(new Perturbation.Swap(0, 1, Piece.of(" z"), (float) Math.log(0.2)), back.perturbation());
        assertEquals(" x c d e.", back.regenerated().text());
        assertEquals(new Convergence(1, true, 0), back.convergence());

        PerturbedRun away = report.runs().get(1);
        assertEquals(1, away.perturbation().at());
        assertEquals(" w!", away.regenerated().text());
        assertFalse(away.convergence().rejoined());
        assertFalse(away.convergence().endingMatched());
        assertEquals(2.0 / 3, away.convergence().endingDistance(), 1e-12,
                "' e.' against ' w!': two of three characters");

        assertEquals(0.5, report.shareConverged());
        assertEquals(1, report.rejoinedCount());
        assertEquals(1, report.medianRejoin());
    }

    @Test
    void editsAndInsertsRegenerateFromThePerturbedText() throws Exception {
        TableModel model = new TableModel(true)
                .after("Q", " a", 1.0).after("Q a", " b", 1.0).after("Q a b", ".", 1.0)
                .after("Q a bee", ".", 1.0)
                .after("Q so", " a", 1.0).after("Q so a", " b", 1.0).after("Q so a b", ".", 1.0);
        AttractorReport edited = AttractorExperiment.run(model, Prompt.of("Q"), PARAMS, 0, new Ending.LastTokens(1),
                new PerturbationPlan.Edits(List.of(" a bee")));
        assertEquals(new Perturbation.Edit(2, "ee"), edited.runs().get(0).perturbation(),
                "' a b' is kept as it was; the text departs after ' b'");
        assertEquals(".", edited.runs().get(0).regenerated().text());
        assertTrue(edited.runs().get(0).convergence().endingMatched());

        AttractorReport inserted = AttractorExperiment.run(model, Prompt.of("Q"), PARAMS, 0, new Ending.LastTokens(1),
                new PerturbationPlan.Inserts(" so", 1, 4));
        assertEquals(new Perturbation.Insert(0, " so"), inserted.runs().get(0).perturbation());
        assertEquals(" a b.", inserted.runs().get(0).regenerated().text());
        assertTrue(inserted.runs().get(0).convergence().endingMatched());
        assertFalse(inserted.runs().get(0).convergence().rejoined(), "three shared tokens are too few to call it");
    }

    @Test
    void anEmptyOriginalCannotBePerturbed() {
        TableModel silent = new TableModel(true);
        assertThrows(IllegalArgumentException.class, () -> AttractorExperiment.run(silent, Prompt.of("Q"), PARAMS, 0,
                new Ending.LastSentence(), new PerturbationPlan.Swaps(3, 1)));
    }

    @Test
    void onTheEmbeddedModelEachRunContinuesItsPerturbedTextWithItsOwnSeed() throws Exception {
        EmbeddedModel model = EmbeddedModels.europarl();
        Prompt prompt = Prompt.of("Mr President, I would like to");
        SamplingParams params = PARAMS.withMaxTokens(40).withTopLogprobs(5);
        AttractorReport report = AttractorExperiment.run(model, prompt, params, 1.0, new Ending.LastSentence(),
                new PerturbationPlan.Swaps(4, 9));
        assertEquals(4, report.runs().size());
        assertEquals(report, AttractorExperiment.run(model, prompt, params, 1.0, new Ending.LastSentence(),
                new PerturbationPlan.Swaps(4, 9)), "seeded: the same experiment twice");
        assertEquals(model.generate(prompt, params.withTemperature(0)).get(0), report.original());
        for (int i = 0; i < report.runs().size(); i++) {
            PerturbedRun run = report.runs().get(i);
            Prompt context = AttractorExperiment.perturbedContext(prompt, report.original().run(), run.perturbation());
            SamplingParams own = params.withTemperature(1.0).withSeed(params.seed() + 1 + i);
            assertEquals(model.generate(context, own).get(0), run.regenerated(), "run " + i);
            int endingStart = report.ending().startToken();
            assertTrue(endingStart == 0 || run.perturbation().at() < endingStart, "perturbed before the ending");
        }
    }
}
