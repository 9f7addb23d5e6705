package dev.weft.analysis;

import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import java.util.ArrayList;
import java.util.List;

/**
 * The essay's attractor experiment: take the temperature-0 completion, perturb it, regenerate from
 * each perturbation, and see whether the endings converge back to the original's.
 */
public final class AttractorExperiment {
    private AttractorExperiment() {}

    /**
     * @param params                for both the original (at temperature 0) and each regeneration (at
     *                              {@code regenerateTemperature}); each regeneration may write as many
     *                              tokens as the original could, so a detour still has room to re-join,
     *                              and run i is sampled with seed + 1 + i, so that above temperature 0
     *                              the runs do not all draw the same random numbers
     * @throws IllegalArgumentException when the original completion is empty, or an edit does not fit it
     */
    public static AttractorReport run(LanguageModel model, Prompt prompt, SamplingParams params,
                                      double regenerateTemperature, Ending ending, PerturbationPlan plan)
            throws ModelException {
        SamplingParams one = params.withN(1);
        Completion original = model.generate(prompt, one.withTemperature(0)).get(0);
        TokenRun originalRun = original.run();
        if (originalRun.isEmpty()) {
            throw new IllegalArgumentException("the temperature-0 completion is empty: there is nothing to perturb");
        }
        Ending.Located located = ending.locate(originalRun);
        List<PerturbedRun> runs = new ArrayList<>();
        List<Perturbation> perturbations = plan.perturbations(originalRun, located.startToken());
        for (int i = 0; i < perturbations.size(); i++) {
            Perturbation perturbation = perturbations.get(i);
            Prompt context = perturbedContext(prompt, originalRun, perturbation);
            SamplingParams regeneration = one.withTemperature(regenerateTemperature)
                    .withSeed(one.seed() == null ? null : one.seed() + 1 + i);
            Completion regenerated = model.generate(context, regeneration).get(0);
            Convergence convergence = Convergence.measure(originalRun, perturbation.at(), perturbation.text(),
                    regenerated.run(), located);
            runs.add(new PerturbedRun(perturbation, regenerated, convergence));
        }
        return new AttractorReport(original, located, regenerateTemperature, runs);
    }

    /** The prompt, the original's tokens before the perturbation, then the perturbation. */
    static Prompt perturbedContext(Prompt prompt, TokenRun original, Perturbation perturbation) {
        List<Piece> pieces = new ArrayList<>(prompt.pieces());
        for (int i = 0; i < perturbation.at(); i++) {
            pieces.add(original.piece(i));
        }
        pieces.addAll(perturbation.pieces());
        return new Prompt(pieces);
    }
}
