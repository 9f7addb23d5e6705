package dev.weft.analysis;

import dev.weft.loom.TokenRun;
import java.util.List;

/** Which part of a completion counts as its ending when asking whether a perturbed run converged back to it. */
public sealed interface Ending {

    /** The ending found in a completion, and the token where it starts. */
    record Located(String text, int startToken) {}

    Located locate(TokenRun completion);

    /** The last complete sentence (the last sentence of any kind when none is complete). */
    record LastSentence() implements Ending {
        public Located locate(TokenRun completion) {
            String text = completion.text();
            List<Sentences.Sentence> sentences = Sentences.of(text);
            if (sentences.isEmpty()) {
                return new Located("", completion.size());
            }
            Sentences.Sentence last = sentences.get(sentences.size() - 1);
            for (int i = sentences.size() - 1; i >= 0; i--) {
                if (sentences.get(i).isComplete()) {
                    last = sentences.get(i);
                    break;
                }
            }
            return new Located(last.text(), TokenOffsets.tokenAt(completion, last.start()));
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
            return new Located(completion.slice(start, completion.size()).text(), start);
        }
    }
}
