package dev.weft.model.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Alternative;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import dev.weft.model.Continuation;
import dev.weft.model.KvCacheStats;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model with its tree cache answers exactly as the same model with no cache (budget 0): the
 * loom's generations and an analysis's scores, one after the other and at the same time, while
 * a small budget evicts; and it computes fewer positions.
 */
class TreeCacheModelTest {
    private static final String PROMPT = "The cat sat on the mat, then the dog";
    private static final SamplingParams PARAMS = SamplingParams.DEFAULTS.withTemperature(1.0).withMaxTokens(10)
            .withN(3).withSeed(42L).withTopLogprobs(5);

    @TempDir Path dir;

    private Path file() throws Exception {
        return TinyModels.write(TinyModels.Spec.of("llama", GgmlType.Q8_0, "gpt2"), dir.resolve("tiny.gguf"));
    }

    /** What the loom does: sample children, then regenerate from a token inside one of them. */
    private static List<List<Completion>> loom(GgufModel model) throws Exception {
        List<List<Completion>> out = new ArrayList<>();
        List<Completion> children = model.generate(Prompt.of(PROMPT), PARAMS);
        out.add(children);
        for (Completion child : children) {
            List<Piece> pieces = new ArrayList<>();
            pieces.add(Piece.of(PROMPT));
            for (int i = 0; i < Math.min(6, child.tokens().size()); i++) {
                pieces.add(child.tokens().get(i).piece());
            }
            out.add(model.generate(new Prompt(pieces), PARAMS.withSeed(7L)));
        }
        return out;
    }

    /** What dist does: score each candidate after the prompt. */
    private static List<Scoring> analysis(GgufModel model) throws Exception {
        List<Scoring> out = new ArrayList<>();
        for (int i = 0; i <= 30; i++) {
            out.add(model.score(Prompt.of(PROMPT + " ate"), " " + i, 5));
        }
        return out;
    }

    @Test
    void answersAsAnUncachedModelDoesAndComputesLess() throws Exception {
        Path file = file();
        try (GgufModel cached = GgufModel.open(file, 2); GgufModel plain = GgufModel.open(file, 2)) {
            plain.cacheBudget(0);
            assertSameGenerations(loom(plain), loom(cached));
            assertSameScorings(analysis(plain), analysis(cached));
            KvCacheStats c = cached.cacheStats();
            KvCacheStats p = plain.cacheStats();
            assertTrue(c.computed() * 2 < p.computed(), c.summary() + " vs " + p.summary());
            assertEquals(0, p.positions());
            assertTrue(c.hitRate() > 0.5, c.summary());
        }
    }

    @Test
    void theLoomAndAnAnalysisShareTheCacheAtTheSameTime() throws Exception {
        Path file = file();
        try (GgufModel shared = GgufModel.open(file, 2); GgufModel plain = GgufModel.open(file, 2)) {
            plain.cacheBudget(0);
            List<List<Completion>> loomAlone = loom(plain);
            List<Scoring> analysisAlone = analysis(plain);
            shared.cacheBudget(40 * new KvTree(ModelConfig.read(GgufFile.open(file)), 0).bytesPerPosition());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 3; round++) {
                    Future<List<List<Completion>>> l = pool.submit((Callable<List<List<Completion>>>) () -> loom(shared));
                    Future<List<Scoring>> a = pool.submit(() -> analysis(shared));
                    assertSameGenerations(loomAlone, l.get());
                    assertSameScorings(analysisAlone, a.get());
                }
            } finally {
                pool.shutdownNow();
            }
            KvCacheStats stats = shared.cacheStats();
            assertTrue(stats.evictedBlocks() > 0, stats.summary());
            assertTrue(stats.bytes() <= stats.budget(), stats.summary());
        }
    }

    /** What a multiverse and dist do, batched: three levels of top-3 children, then 0..30 after one prefill. */
    private static List<Object> batchedAnalyses(GgufModel model) throws Exception {
        List<Object> out = new ArrayList<>();
        List<Prompt> level = List.of(Prompt.of(PROMPT));
        for (int depth = 0; depth < 3; depth++) {
            List<List<Continuation>> answers = model.nextTokens(level, 3);
            List<Prompt> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i++) {
                for (Continuation c : answers.get(i)) {
                    out.add(c.piece().text() + " " + c.logprob());
                    List<Piece> pieces = new ArrayList<>(level.get(i).pieces());
                    pieces.add(c.piece());
                    next.add(new Prompt(pieces));
                }
            }
            level = next;
        }
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i <= 30; i++) {
            candidates.add(" " + i);
        }
        for (Scoring s : model.scoreEach(Prompt.of(PROMPT + " ate"), candidates, 5)) {
            for (Token t : s.tokens()) {
                out.add(t.text() + " " + t.logprob() + " " + t.top().get(0).logprob());
            }
        }
        return out;
    }

    @Test
    void theLoomAndTheBatchedAnalysesShareTheCacheAtTheSameTime() throws Exception {
        Path file = file();
        try (GgufModel shared = GgufModel.open(file, 2); GgufModel plain = GgufModel.open(file, 2)) {
            plain.cacheBudget(0);
            List<List<Completion>> loomAlone = loom(plain);
            List<Object> analysesAlone = batchedAnalyses(plain);
            shared.cacheBudget(40 * shared.cacheBytesPerPosition()); // small: blocks are evicted while both run
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 3; round++) {
                    Future<List<List<Completion>>> l = pool.submit((Callable<List<List<Completion>>>) () -> loom(shared));
                    Future<List<Object>> a = pool.submit(() -> batchedAnalyses(shared));
                    assertSameGenerations(loomAlone, l.get());
                    assertEquals(analysesAlone, a.get());
                }
            } finally {
                pool.shutdownNow();
            }
            KvCacheStats stats = shared.cacheStats();
            assertTrue(stats.evictedBlocks() > 0, stats.summary());
            assertTrue(stats.bytes() <= stats.budget(), stats.summary());
        }
    }

    private static void assertSameGenerations(List<List<Completion>> expected, List<List<Completion>> actual) {
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
            assertEquals(expected.get(r).size(), actual.get(r).size());
            for (int c = 0; c < expected.get(r).size(); c++) {
                assertSameTokens(expected.get(r).get(c).tokens(), actual.get(r).get(c).tokens());
                assertEquals(expected.get(r).get(c).finish(), actual.get(r).get(c).finish());
            }
        }
    }

    private static void assertSameScorings(List<Scoring> expected, List<Scoring> actual) {
        for (int i = 0; i < expected.size(); i++) {
            assertSameTokens(expected.get(i).tokens(), actual.get(i).tokens());
        }
    }

    private static void assertSameTokens(List<Token> expected, List<Token> actual) {
        assertEquals(expected.size(), actual.size());
        for (int t = 0; t < expected.size(); t++) {
            Token e = expected.get(t);
            Token a = actual.get(t);
            assertEquals(e.text(), a.text());
            assertEquals(e.logprob(), a.logprob(), 1e-9);
            assertEquals(e.top().size(), a.top().size());
            for (int k = 0; k < e.top().size(); k++) {
                Alternative x = e.top().get(k);
                Alternative y = a.top().get(k);
                assertEquals(x.piece().text(), y.piece().text());
                assertEquals(x.logprob(), y.logprob(), 1e-9);
            }
        }
    }
}
