package dev.weft.model;

import dev.weft.loom.SamplingParams;
import java.util.List;

/**
 * A model that answers many related questions together (an in-process model: one pass over its
 * weights serves every question of a batch, and a shared prefix is computed once). The analyses
 * hand it their whole frontier: a multiverse level, the candidates of {@code dist}, the
 * temperatures of {@code sweep}. Each answer equals the one the single-question call gives.
 */
public interface BatchedModel extends LanguageModel {

    /** The {@code k} most likely next tokens after each context, most likely first. */
    List<List<Continuation>> nextTokens(List<Prompt> contexts, int k) throws ModelException;

    /** {@link #score} of each continuation after the same prompt. */
    List<Scoring> scoreEach(Prompt prompt, List<String> continuations, int topLogprobs) throws ModelException;

    /** {@link #generate} with each parameter set (a sweep's temperatures), all siblings as one batch. */
    List<List<Completion>> generateEach(Prompt prompt, List<SamplingParams> params) throws ModelException;
}
