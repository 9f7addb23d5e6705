package dev.weft.model;

/**
 * What a backend can do, declared by the backend and, where the server tells, probed.
 *
 * @param maxTopLogprobs   most alternatives per token it will report
 * @param scoresText       can return logprobs of given text (echo / prompt logprobs / exact)
 * @param honoursN         returns n completions from one request (else: parallel requests)
 * @param streams          can stream tokens as they are produced
 * @param tokenIds         reports token ids
 * @param fullDistribution knows the exact probability of every token (embedded model)
 */
public record Capabilities(int maxTopLogprobs, boolean scoresText, boolean honoursN, boolean streams,
                           boolean tokenIds, boolean fullDistribution) {

    /** The requested number of alternatives, capped to what the backend reports. */
    public int cappedTopLogprobs(int requested) {
        return Math.min(requested, maxTopLogprobs);
    }
}
