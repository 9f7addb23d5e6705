package dev.weft.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;

/** A protocol that can return the logprobs of given text, for {@link dev.weft.model.LanguageModel#score}. */
public interface TextScoring {

    String scorePath();

    ObjectNode scoreBody(String model, Prompt prompt, String continuation, int topLogprobs);

    /** The continuation's tokens, cut out of the scored whole. */
    Scoring parseScore(JsonNode body, Prompt prompt, String continuation) throws LayoutException;
}
