package dev.weft.analysis;

import dev.weft.model.Completion;

/** One perturbation of the original completion, what the model regenerated after it, and whether it converged. */
public record PerturbedRun(Perturbation perturbation, Completion regenerated, Convergence convergence) {}
