package dev.weft.config;

import dev.weft.model.Capabilities;

/**
 * What a profile says about its server's capabilities, overriding the declared defaults; a null
 * field keeps the default.
 */
public record CapabilityOverrides(Integer maxTopLogprobs, Boolean scoresText, Boolean honoursN, Boolean streams) {
    public static final CapabilityOverrides NONE = new CapabilityOverrides(null, null, null, null);

    public CapabilityOverrides {
        if (maxTopLogprobs != null && maxTopLogprobs < 0) {
            throw new IllegalArgumentException("max_top_logprobs must be >= 0, got " + maxTopLogprobs);
        }
    }

    public Capabilities applyTo(Capabilities declared) {
        return new Capabilities(
                maxTopLogprobs != null ? maxTopLogprobs : declared.maxTopLogprobs(),
                scoresText != null ? scoresText : declared.scoresText(),
                honoursN != null ? honoursN : declared.honoursN(),
                streams != null ? streams : declared.streams(),
                declared.tokenIds(),
                declared.fullDistribution());
    }

    public boolean isEmpty() {
        return maxTopLogprobs == null && scoresText == null && honoursN == null && streams == null;
    }
}
