package dev.weft.model.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.model.KvCacheStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tree-shaped cache gives the distributions an uncached pass gives, at every position, for
 * the ways a loom reuses a path (children, a regeneration from a token, an edit, a prefix), also
 * while a small budget evicts blocks; and it evicts whole blocks, least recently used first.
 */
class KvTreeTest {
    /** Both sides do the same float arithmetic per position; "float precision" is generous. */
    private static final double PRECISION = 1e-7;

    @TempDir Path dir;
    private MatMul matmul;
    private Transformer transformer;

    @BeforeEach
    void open() throws Exception {
        Path file = TinyModels.write(TinyModels.Spec.of("llama", GgmlType.Q8_0, "gpt2"), dir.resolve("tiny.gguf"));
        GgufFile f = GgufFile.open(file);
        ModelConfig config = ModelConfig.read(f);
        GgufTokenizer tokenizer = GgufTokenizer.read(f);
        matmul = new MatMul(2, FloatKernels.best());
        transformer = new Transformer(config, ModelWeights.read(f, config, tokenizer.size()), matmul);
    }

    @AfterEach
    void close() {
        matmul.close();
    }

    private int[] randomTokens(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = r.nextInt(transformer.vocabulary());
        }
        return t;
    }

    private static int[] concat(int[] a, int... b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private float[][] uncached(int[] tokens) {
        return transformer.forward(tokens, 0, new ArrayKvCache(transformer.config().layers()), () -> false);
    }

    private void assertSameDistributions(int[] tokens, float[][] cached) {
        float[][] expected = transformer.logits(uncached(tokens));
        float[][] actual = transformer.logits(cached);
        for (int p = 0; p < tokens.length; p++) {
            double[] e = GgufModel.probabilities(expected[p]);
            double[] a = GgufModel.probabilities(actual[p]);
            for (int i = 0; i < e.length; i++) {
                assertEquals(e[i], a[i], PRECISION, "position " + p + " of " + tokens.length + ", token " + i);
            }
        }
    }

    /** The loom's ways of reusing a path, each with how many positions a cached engine must compute. */
    private List<int[]> loomRequests(int[] path) {
        List<int[]> out = new ArrayList<>();
        out.add(path);                                                            // 120 new
        out.add(concat(Arrays.copyOf(path, 80), randomTokens(30, 2)));             // regenerate from 80: 30
        int[] edited = path.clone();
        edited[50] = (edited[50] + 1) % transformer.vocabulary();
        out.add(edited);                                                          // an edit at 50: 70
        for (int x = 0; x < 5; x++) {
            out.add(concat(path, x));                                             // a child of the path: 1
        }
        out.add(Arrays.copyOf(path, 10));                                         // a prefix: 0
        out.add(concat(Arrays.copyOf(path, 80), randomTokens(30, 2)));             // the regeneration again: 0
        return out;
    }

    @Test
    void cachedDistributionsEqualUncachedOnesAtEveryPosition() {
        CachedForward cached = new CachedForward(transformer, 1L << 30);
        int[] path = randomTokens(120, 1);
        long[] expectedComputed = {120, 30, 70, 1, 1, 1, 1, 1, 0, 0};
        List<int[]> requests = loomRequests(path);
        for (int i = 0; i < requests.size(); i++) {
            long before = cached.tree().stats().computed();
            CachedForward.Prefilled p = cached.prefill(requests.get(i), () -> false);
            assertEquals(expectedComputed[i], cached.tree().stats().computed() - before, "request " + i);
            assertSameDistributions(requests.get(i), p.hidden());
        }
        KvCacheStats stats = cached.tree().stats();
        assertEquals(120 + 30 + 70 + 5, stats.positions());
        assertEquals(0, stats.evictedBlocks());
        assertTrue(stats.hitRate() > 0.6, stats.summary());
    }

    @Test
    void staysExactAndWithinItsBudgetWhileEvicting() {
        KvTree probe = new KvTree(transformer.config(), 0);
        long budget = 45 * probe.bytesPerPosition();
        CachedForward cached = new CachedForward(transformer, budget);
        int[] path = randomTokens(120, 1);
        for (int round = 0; round < 2; round++) {
            for (int[] request : loomRequests(path)) {
                CachedForward.Prefilled p = cached.prefill(request, () -> false);
                assertSameDistributions(request, p.hidden());
                assertTrue(cached.tree().stats().bytes() <= budget, cached.tree().stats().summary());
            }
        }
        assertTrue(cached.tree().stats().evictedBlocks() > 0);
    }

    @Test
    void siblingsStepTogetherAsTheyWouldAlone() {
        int[] prompt = randomTokens(40, 3);
        CachedForward cached = new CachedForward(transformer, 1L << 30);
        CachedForward.Prefilled p = cached.prefill(prompt, () -> false);
        int n = 4;
        KvCache[] caches = new KvCache[n];
        int[][] paths = new int[n][];
        float[][][] hidden = new float[n][][];
        for (int b = 0; b < n; b++) {
            caches[b] = p.cache().fork(prompt.length);
            paths[b] = prompt;
            hidden[b] = p.hidden();
        }
        SplittableRandom r = new SplittableRandom(4);
        for (int step = 0; step < 6; step++) {
            int[] ids = new int[n];
            int[] positions = new int[n];
            for (int b = 0; b < n; b++) {
                ids[b] = r.nextInt(transformer.vocabulary());
                positions[b] = paths[b].length;
            }
            float[][] h = cached.step(ids, positions, caches);
            for (int b = 0; b < n; b++) {
                paths[b] = concat(paths[b], ids[b]);
                hidden[b] = Arrays.copyOf(hidden[b], paths[b].length);
                hidden[b][paths[b].length - 1] = h[b];
            }
        }
        for (int b = 0; b < n; b++) {
            assertSameDistributions(paths[b], hidden[b]);
            cached.remember(paths[b], caches[b], hidden[b]);
        }
        long before = cached.tree().stats().computed();
        for (int b = 0; b < n; b++) {
            assertSameDistributions(paths[b], cached.prefill(paths[b], () -> false).hidden());
        }
        assertEquals(0, cached.tree().stats().computed() - before, "the siblings' paths are all cached");
    }

    @Test
    void evictsWholeBlocksLeastRecentlyUsedFirst() {
        KvTree probe = new KvTree(transformer.config(), 0);
        int block = KvTree.BLOCK;
        KvTree tree = new KvTree(transformer.config(), 3L * block * probe.bytesPerPosition());
        int[] a = randomTokens(2 * block, 10);
        int[] b = randomTokens(2 * block, 11);
        int[] c = randomTokens(block, 12);
        b[0] = (a[0] + 1) % transformer.vocabulary();
        c[0] = (a[0] + 2) % transformer.vocabulary();
        insert(tree, a);
        insert(tree, b); // four blocks over a budget of three: a's second block is the oldest leaf
        assertEquals(block, tree.lookup(a, a.length).matched());
        assertEquals(2 * block, tree.lookup(b, b.length).matched());
        tree.lookup(a, block); // a's first block is now more recent than b's blocks
        insert(tree, c);       // evicts b's second block: b's first has a child, a's was used later
        assertEquals(block, tree.lookup(a, a.length).matched());
        assertEquals(block, tree.lookup(b, b.length).matched());
        assertEquals(block, tree.lookup(c, c.length).matched());
        KvCacheStats stats = tree.stats();
        assertEquals(3 * block, stats.positions());
        assertEquals(3, stats.blocks());
        assertEquals(2, stats.evictedBlocks());
    }

    @Test
    void aZeroBudgetKeepsNothingAndStillAnswers() {
        CachedForward cached = new CachedForward(transformer, 0);
        int[] path = randomTokens(50, 5);
        for (int[] request : List.of(path, concat(path, 7), path)) {
            assertSameDistributions(request, cached.prefill(request, () -> false).hidden());
        }
        assertEquals(0, cached.tree().stats().positions());
        assertEquals(50 + 51 + 50, cached.tree().stats().computed());
    }

    private void insert(KvTree tree, int[] tokens) {
        KvCache cache = new ArrayKvCache(transformer.config().layers());
        float[][] hidden = transformer.forward(tokens, 0, cache, () -> false);
        tree.insert(tokens, tokens.length, cache, hidden);
    }
}
