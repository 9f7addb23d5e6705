package dev.weft.model.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.Alternative;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import dev.weft.model.Continuation;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyses' batched questions (a multiverse level, dist's candidates, a sweep's temperatures)
 * get the answers the one-question calls get from the same model with no cache, and compute
 * only the positions a cached engine must.
 */
class BatchedAnalysesTest {
    private static final String PROMPT = "The cat sat on the mat, then";

    @TempDir Path dir;

    private Path file() throws Exception {
        return TinyModels.write(TinyModels.Spec.of("llama", GgmlType.Q8_0, "gpt2"), dir.resolve("tiny.gguf"));
    }

    @Test
    void aMultiverseLevelIsOneStepPastItsCachedParent() throws Exception {
        Path file = file();
        try (GgufModel batched = GgufModel.open(file, 2); GgufModel plain = GgufModel.open(file, 2)) {
            plain.cacheBudget(0);
            SamplingParams oneGreedy = SamplingParams.DEFAULTS.withTemperature(0).withMaxTokens(1).withTopLogprobs(5);
            List<Continuation> top = batched.nextTokens(List.of(Prompt.of(PROMPT)), 5).get(0);
            List<Prompt> level = new ArrayList<>();
            for (Continuation c : top) {
                level.add(new Prompt(List.of(Piece.of(PROMPT), c.piece())));
            }
            long before = batched.cacheStats().computed();
            List<List<Continuation>> answers = batched.nextTokens(level, 5);
            assertEquals(5, batched.cacheStats().computed() - before, "one position for each child");
            for (int i = 0; i < level.size(); i++) {
                Token t = plain.generate(level.get(i), oneGreedy).get(0).tokens().get(0);
                List<Alternative> expected = t.top();
                for (int a = 0; a < 5; a++) {
                    assertEquals(expected.get(a).piece().text(), answers.get(i).get(a).piece().text());
                    assertEquals(expected.get(a).logprob(), answers.get(i).get(a).logprob(), 1e-9);
                }
            }
        }
    }

    @Test
    void candidatesAreScoredAfterOneSharedPrefill() throws Exception {
        Path file = file();
        try (GgufModel batched = GgufModel.open(file, 2); GgufModel plain = GgufModel.open(file, 2)) {
            plain.cacheBudget(0);
            List<String> candidates = new ArrayList<>();
            for (int i = 0; i <= 100; i++) {
                candidates.add(" " + i);
            }
            candidates.add("");
            List<Scoring> scores = batched.scoreEach(Prompt.of(PROMPT), candidates, 3);
            int prompt = batched.contextOf(Prompt.of(PROMPT)).length;
            int must = prompt;
            for (int c = 0; c < candidates.size(); c++) {
                must += Math.max(0, batched.tokenizer().encode(candidates.get(c), false).length - 1);
                Scoring expected = plain.score(Prompt.of(PROMPT), candidates.get(c), 3);
                assertEquals(expected.tokens().size(), scores.get(c).tokens().size());
                for (int t = 0; t < expected.tokens().size(); t++) {
                    assertEquals(expected.tokens().get(t).logprob(), scores.get(c).tokens().get(t).logprob(), 1e-9);
                    assertEquals(expected.tokens().get(t).top().get(0).logprob(),
                            scores.get(c).tokens().get(t).top().get(0).logprob(), 1e-9);
                }
            }
            assertEquals(must, batched.cacheStats().computed());
        }
    }

    @Test
    void aSweepSamplesItsTemperaturesAsOneBatch() throws Exception {
        Path file = file();
        try (GgufModel batched = GgufModel.open(file, 2); GgufModel plain = GgufModel.open(file, 2)) {
            plain.cacheBudget(0);
            SamplingParams params = SamplingParams.DEFAULTS.withMaxTokens(8).withN(3).withSeed(9L).withTopLogprobs(2);
            List<SamplingParams> temperatures = List.of(params.withTemperature(0), params.withTemperature(0.7),
                    params.withTemperature(1.4));
            List<List<Completion>> all = batched.generateEach(Prompt.of(PROMPT), temperatures);
            for (int i = 0; i < temperatures.size(); i++) {
                List<Completion> expected = plain.generate(Prompt.of(PROMPT), temperatures.get(i));
                assertEquals(expected.size(), all.get(i).size());
                for (int c = 0; c < expected.size(); c++) {
                    List<Token> e = expected.get(c).tokens();
                    List<Token> a = all.get(i).get(c).tokens();
                    assertEquals(e.size(), a.size());
                    for (int t = 0; t < e.size(); t++) {
                        assertEquals(e.get(t).text(), a.get(t).text());
                        assertEquals(e.get(t).logprob(), a.get(t).logprob(), 1e-9);
                    }
                }
            }
        }
    }
}
