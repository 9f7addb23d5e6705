package dev.weft.loom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small builders for loom tests. */
final class LoomFixtures {
    static final Generation GEN = new Generation("embedded", "kn4-test", SamplingParams.DEFAULTS,
            Instant.parse("2026-11-29T00:00:00Z"), FinishReason.LENGTH);

    private LoomFixtures() {}

    /** A scored token whose alternatives are itself plus two others. */
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

    static TokenRun randomRun(SplittableRandom random, int size) {
        String[] words = {" the", " President", ",", " of", " Europe", "an", " €", " 日本", " Mr"};
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            tokens.add(scored(words[random.nextInt(words.length)], -random.nextDouble() * 5));
        }
        return TokenRun.of(tokens);
    }
}
