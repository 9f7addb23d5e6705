package dev.weft.analysis;

/** How well a candidate's probability is known, which depends on what the backend can report. */
public enum CandidateEstimate {
    /** The chain rule over the candidate's tokens, from a backend that scores text. */
    EXACT,
    /**
     * The candidate is one token among the reported top-k: that token's probability. The same
     * text spelled with other tokens is not counted, so it is a lower bound.
     */
    LOWER_BOUND,
    /** Not among the reported top-k: below the least likely reported token. */
    BELOW_TOP_K,
    /** A reported token is a proper prefix of it: it may span several tokens, which only scoring can tell. */
    UNKNOWN;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
