package dev.weft.analysis;

import dev.weft.loom.TokenRun;
import java.util.List;

/** Which part of a completion counts as its ending when asking whether a perturbed run converged back to it. */
public sealed interface Ending {

    /**
     * The ending found in a completion.
     *
     * @param rule       what was taken, e.g. "last sentence" or "last 8 tokens"
     * @param startToken the token where it starts
     */
    record Located(String text, int startToken, String rule) {}

    Located locate(TokenRun completion);

    /**
     * The last complete sentence, unless it is where the completion starts: an ending must leave
     * something before it to perturb. Without such a sentence (one sentence only, a cut-off one,
     * a loop with no full stop) the last {@value #FALLBACK_TOKENS} tokens stand in, at most half
     * of the completion.
     */
    record LastSentence() implements Ending {
        public static final int FALLBACK_TOKENS = 8;

        public Located locate(TokenRun completion) {
            List<Sentences.Sentence> sentences = Sentences.of(completion.text());
            for (int i = sentences.size() - 1; i >= 0; i--) {
                Sentences.Sentence s = sentences.get(i);
                int start = TokenOffsets.tokenAt(completion, s.start());
                if (s.isComplete() && start > 0) {
                    return new Located(s.text(), start, "last sentence");
                }
            }
            int tokens = Math.min(FALLBACK_TOKENS, Math.max(1, completion.size() / 2));
            return new LastTokens(tokens).locate(completion);
        }
    }

    /** The last {@code tokens} tokens. */
    record LastTokens(int tokens) implements Ending {
        public LastTokens {
            if (tokens < 1) {
                throw new IllegalArgumentException("an ending needs at least one token, got " + tokens);
            }
        }

        public Located locate(TokenRun completion) {
            int start = Math.max(0, completion.size() - tokens);
            return new Located(completion.slice(start, completion.size()).text(), start, "last " + tokens + " tokens");
        }
    }
}
