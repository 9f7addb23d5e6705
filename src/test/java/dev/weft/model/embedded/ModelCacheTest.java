package dev.weft.model.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {
    @TempDir
    Path dir;

    private static KneserNeyModel smallModel(int order) {
        int[] stream = new SplittableRandom(9).ints(5000, 0, 300).toArray();
        return KneserNeyModel.train(stream, 1000, order);
    }

    @Test
    void encodeThenDecodeIsTheIdentity() throws IOException {
        for (int order = 1; order <= KneserNeyModel.MAX_ORDER; order++) {
            KneserNeyModel model = smallModel(order);
            KneserNeyModel loaded = ModelFile.decode(ModelFile.encode(model));
            assertEquals(model, loaded);
            assertArrayEquals(model.distribution(new int[] {1, 2, 3, 4}), loaded.distribution(new int[] {1, 2, 3, 4}));
        }
    }

    @Test
    void everyDamageIsDetected() {
        byte[] good = ModelFile.encode(smallModel(3));
        SplittableRandom random = new SplittableRandom(4);
        for (int trial = 0; trial < 50; trial++) {
            byte[] flipped = good.clone();
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
            assertThrows(IOException.class, () -> ModelFile.decode(flipped));
            byte[] truncated = Arrays.copyOf(good, random.nextInt(good.length));
            assertThrows(IOException.class, () -> ModelFile.decode(truncated));
        }
    }

    @Test
    void storeIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
        ModelCache cache = ModelCache.at(dir.resolve("nested/cache"));
        Path file = cache.directory().resolve("model.bin");
        KneserNeyModel model = smallModel(2);
        cache.store(file, model);
        cache.store(file, model);
        assertEquals(model, cache.load(file).orElseThrow());
        try (var listing = Files.list(cache.directory())) {
            assertEquals(1, listing.count());
        }
    }

    @Test
    void aMissingOrDamagedFileLoadsAsNothing() throws IOException {
        ModelCache cache = ModelCache.at(dir);
        assertTrue(cache.load(dir.resolve("absent.bin")).isEmpty());
        Path garbage = Files.writeString(dir.resolve("garbage.bin"), "not a model");
        assertTrue(cache.load(garbage).isEmpty());
        assertTrue(cache.load(dir).isEmpty());
    }

    @Test
    void theFileNameDependsOnCorpusAndOrder() throws Exception {
        ModelCache cache = ModelCache.at(dir);
        TrainingCorpus a = TrainingCorpus.file(Files.writeString(dir.resolve("a.txt"), "one\ntwo"));
        TrainingCorpus b = TrainingCorpus.file(Files.writeString(dir.resolve("b.txt"), "one\nthree"));
        TrainingCorpus sameAsA = TrainingCorpus.file(Files.writeString(dir.resolve("c.txt"), "one\ntwo"));
        assertEquals(cache.fileFor(a, 4), cache.fileFor(sameAsA, 4));
        assertNotEquals(cache.fileFor(a, 4), cache.fileFor(b, 4));
        assertNotEquals(cache.fileFor(a, 4), cache.fileFor(a, 3));
        assertEquals(dir, cache.fileFor(a, 4).getParent());
    }

    @Test
    void theBundledCorpusIsKeyedByTheDigestTheBuildMadeOfIt() throws Exception {
        // made once at build time, not on every start; a stale one would load another corpus's model
        byte[] gzipped;
        try (var in = TrainingCorpus.class.getResourceAsStream(TrainingCorpus.EUROPARL_RESOURCE)) {
            gzipped = in.readAllBytes();
        }
        try (var in = TrainingCorpus.class.getResourceAsStream(TrainingCorpus.EUROPARL_RESOURCE + TrainingCorpus.DIGEST_SUFFIX)) {
            assertTrue(in != null, "the build writes the bundled corpus's digest beside it");
            assertEquals(TrainingCorpus.digestOf(gzipped), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip());
        }
        assertEquals(TrainingCorpus.digestOf(gzipped), TrainingCorpus.europarl().digest());
    }

    @Test
    void theUserDirectoryFollowsXdg() {
        Path fallback = Path.of("/home/u/.cache/weft");
        assertEquals(Path.of("/x/weft"), ModelCache.userCacheDirectory(Map.of("XDG_CACHE_HOME", "/x"), "/home/u"));
        assertEquals(fallback, ModelCache.userCacheDirectory(Map.of(), "/home/u"));
        assertEquals(fallback, ModelCache.userCacheDirectory(Map.of("XDG_CACHE_HOME", ""), "/home/u"));
        assertEquals(fallback, ModelCache.userCacheDirectory(Map.of("XDG_CACHE_HOME", "relative/dir"), "/home/u"));
    }

    @Test
    void openTrainsOnceThenLoadsAndRebuildsADamagedCache() throws Exception {
        TrainingCorpus corpus = TrainingCorpus.file(Files.writeString(dir.resolve("tiny.txt"),
                "the cat sat on the mat\nthe dog sat on the log\nthe cat saw the dog\n"));
        ModelCache cache = ModelCache.at(dir.resolve("cache"));
        EmbeddedModel trained = EmbeddedModel.open(corpus, 3, cache);
        assertFalse(trained.loadReport().fromCache());
        assertTrue(trained.loadReport().cacheProblem().isEmpty());
        assertEquals("kn3-tiny.txt", trained.model());

        EmbeddedModel loaded = EmbeddedModel.open(corpus, 3, cache);
        assertTrue(loaded.loadReport().fromCache());
        assertEquals(trained.ngrams(), loaded.ngrams());

        Path file = loaded.loadReport().cacheFile();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        EmbeddedModel rebuilt = EmbeddedModel.open(corpus, 3, cache);
        assertFalse(rebuilt.loadReport().fromCache());
        assertEquals(trained.ngrams(), rebuilt.ngrams());
        assertArrayEquals(bytes, Files.readAllBytes(file), "the damaged file was replaced");
    }

    @Test
    void anUnwritableCacheIsReportedNotFatal() throws Exception {
        TrainingCorpus corpus = TrainingCorpus.file(Files.writeString(dir.resolve("tiny.txt"), "a b c\nb c d\n"));
        Path notADirectory = Files.writeString(dir.resolve("occupied"), "a file where the cache directory should be");
        EmbeddedModel model = EmbeddedModel.open(corpus, 2, ModelCache.at(notADirectory));
        assertFalse(model.loadReport().fromCache());
        String problem = model.loadReport().cacheProblem().orElseThrow();
        assertTrue(problem.startsWith("cannot write the model cache " + notADirectory), problem);
        assertEquals(1.0, Arrays.stream(model.ngrams().distribution(new int[] {0})).sum(), 1e-9);
    }
}
