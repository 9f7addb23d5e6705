package dev.weft.model.embedded;

import dev.weft.testing.RefusingClassLoader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tokenizer's table comes from the model cache, not from jtokkit's ranks on every start; read
 * back it equals jtokkit's, and weft's own BPE encodes as jtokkit does (the whole training corpus,
 * and text made to be awkward).
 */
class TokenizerCacheTest {
    private static final Encoding JTOKKIT = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.R50K_BASE);

    @TempDir Path cache;

    @Test
    void theTableIsWrittenOnceAndReadBackEqualToJtokkits() throws Exception {
        Path file = Gpt2Tokenizer.cacheFile(cache);
        Gpt2Tokenizer first = Gpt2Tokenizer.cached(cache);
        assertTrue(Files.isRegularFile(file), "the first start writes the table");
        Gpt2Tokenizer second = Gpt2Tokenizer.cached(cache);
        assertNotSame(first, second, "the second start reads it");
        assertEquals(Gpt2Tokenizer.jtokkitTable(), second.table());
        assertEquals("<|endoftext|>", second.piece(Gpt2Tokenizer.END_OF_TEXT).text());
    }

    @Test
    void aDamagedTableIsBuiltAgainAndRewritten() throws Exception {
        Path file = Gpt2Tokenizer.cacheFile(cache);
        Gpt2Tokenizer.cached(cache);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertEquals(Gpt2Tokenizer.jtokkitTable(), Gpt2Tokenizer.cached(cache).table());
        assertEquals(Gpt2Tokenizer.jtokkitTable(), TokenTable.decode(Files.readAllBytes(file)), "rewritten whole");
        Files.write(file, new byte[] {1, 2, 3});
        assertEquals(Gpt2Tokenizer.jtokkitTable(), Gpt2Tokenizer.cached(cache).table(), "a cut file too");
    }

    @Test
    void encodesTheTrainingCorpusAsJtokkitDoes() throws Exception {
        Gpt2Tokenizer.cached(cache);
        Gpt2Tokenizer tokenizer = Gpt2Tokenizer.cached(cache);
        List<String> documents = TrainingCorpus.europarl().documents();
        assertTrue(documents.size() > 100);
        for (String document : documents) {
            assertArrayEquals(JTOKKIT.encodeOrdinary(document).toArray(), tokenizer.encode(document), document);
        }
    }

    @Test
    void encodesAwkwardTextAsJtokkitDoes() throws Exception {
        Gpt2Tokenizer.cached(cache);
        Gpt2Tokenizer tokenizer = Gpt2Tokenizer.cached(cache);
        List<String> texts = new ArrayList<>(List.of("", " ", "   ", "\n\n\n", " \n ", "Hello world", "don't we'll I'M",
                "a<|endoftext|>b", "東京は日本の首都", "🙂🙃 emoji 👍🏽", "x".repeat(700), " ".repeat(600) + "a",
                "1234567890".repeat(80), "naïve café ﬁ", "\t\ttabs\t", "مرحبا بالعالم", "ab\u0000c\u001b[31m",
                "the the the the", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "'s's's'''ll"));
        Random random = new Random(14);
        String alphabet = " \n\t'abcdeéABZ019.,!?-_東京🙂\u00e9\u0301";
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            assertArrayEquals(JTOKKIT.encodeOrdinary(text).toArray(), tokenizer.encode(text), text);
        }
    }

    /** The model's table of continuation bytes reads the token table: it makes none of the 50,257 pieces. */
    @Test
    void theContinuationTableMakesNoPieces() {
        Gpt2Tokenizer.cached(cache);
        Gpt2Tokenizer tokenizer = Gpt2Tokenizer.cached(cache);
        ContinuationBytes continuations = new ContinuationBytes(tokenizer);
        assertEquals(0, tokenizer.piecesMade());
        double[] all = new double[Gpt2Tokenizer.VOCABULARY_SIZE];
        java.util.Arrays.fill(all, 1);
        double[] kept = continuations.keepFinishing(all, 1);
        for (int id = 0; id < all.length; id++) {
            byte[] bytes = tokenizer.piece(id).bytes();
            boolean finishes = bytes.length > 0 && (bytes[0] & 0xc0) == 0x80 && (bytes.length == 1 || (bytes[1] & 0xc0) != 0x80);
            assertEquals(finishes ? 1.0 : 0.0, kept[id], "token " + id);
        }
    }

    /** Reading the table from the cache loads no jtokkit class: the class loader refuses them. */
    @Test
    void readingTheCachedTableLoadsNoJtokkitClass() throws Exception {
        Gpt2Tokenizer.cached(cache); // written
        RefusingClassLoader loader = new RefusingClassLoader(name -> name.startsWith("com.knuddels."),
                "the cached table must not need jtokkit");
        Class<?> type = Class.forName(Gpt2Tokenizer.class.getName(), true, loader);
        Method cached = type.getMethod("cached", Path.class);
        Object tokenizer = cached.invoke(null, cache);
        int[] ids = (int[]) type.getMethod("encode", String.class).invoke(tokenizer, "Hello world");
        assertArrayEquals(new int[] {15496, 995}, ids);
        assertEquals(List.of(), loader.refused);
    }

}
