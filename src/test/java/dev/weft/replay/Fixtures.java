package dev.weft.replay;

import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small builders for replay tests. */
final class Fixtures {
    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    private Fixtures() {}

    /** A scored token whose alternatives are itself plus two others ("X" and "Y" appended). */
    static Token scored(String text, double logprob) {
        return Token.of(text, logprob, List.of(Alternative.of(text, logprob),
                Alternative.of(text + "X", logprob - 1), Alternative.of(text + "Y", logprob - 2)));
    }

    static TokenRun run(String... texts) {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            tokens.add(scored(texts[i], -0.1 * (i + 1)));
        }
        return TokenRun.of(tokens);
    }

    static Generation generation(FinishReason finish) {
        return new Generation("embedded", "kn4-test", SamplingParams.DEFAULTS.withSeed(7L), START, finish);
    }
}
