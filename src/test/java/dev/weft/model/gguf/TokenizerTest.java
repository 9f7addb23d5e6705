package dev.weft.model.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import dev.weft.model.embedded.TrainingCorpus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GGUF tokenizers on real vocabularies: GPT-2's r50k_base (from jtokkit) converted to a GGUF
 * {@code gpt2} vocabulary with merges must tokenise every line of the Europarl corpus exactly as
 * jtokkit does; the SentencePiece tokenizer on hand-checked cases.
 */
class TokenizerTest {
    @TempDir Path dir;
    @TempDir static Path shared;
    private static GgufTokenizer r50kTokenizer;

    /** One r50k file for the class: building 50k tokens and their merges takes a moment. */
    private static synchronized GgufTokenizer r50kFromFile() throws Exception {
        if (r50kTokenizer == null) {
            TinyModels.Spec spec = TinyModels.Spec.of("llama", GgmlType.Q8_0, "gpt2").shape(32, 32, 1, 1, 1, 32);
            Path file = TinyModels.writer(spec, r50k()).write(shared.resolve("r50k.gguf"));
            r50kTokenizer = GgufTokenizer.read(GgufFile.open(file));
        }
        return r50kTokenizer;
    }

    /** r50k_base as GGUF metadata: byte-level token texts, and a merge for every split of a token into two. */
    static TinyModels.Vocab r50k() {
        Encoding r50k = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
        int n = 50257;
        String[] tokens = new String[n];
        int[] types = new int[n];
        Map<String, Integer> ids = new HashMap<>();
        IntArrayList one = new IntArrayList(1);
        one.add(0);
        for (int id = 0; id < n - 1; id++) {
            one.set(0, id);
            tokens[id] = ByteUnicode.encode(r50k.decodeBytes(one));
            types[id] = 1;
            ids.put(tokens[id], id);
        }
        tokens[n - 1] = "<|endoftext|>";
        types[n - 1] = 3;
        List<String> merges = new ArrayList<>();
        for (int id = 0; id < n - 1; id++) {
            String t = tokens[id];
            for (int cut = 1; cut < t.length(); cut++) {
                Integer left = ids.get(t.substring(0, cut));
                Integer right = ids.get(t.substring(cut));
                if (left != null && right != null && left < id && right < id) {
                    merges.add(t.substring(0, cut) + " " + t.substring(cut));
                }
            }
        }
        return new TinyModels.Vocab("gpt2", "gpt2", tokens, types, null, merges.toArray(String[]::new), n - 1, n - 1,
                false);
    }

    @Test
    void r50kTokenisesAllOfEuroparlAsJtokkitDoes() throws Exception {
        GgufTokenizer tokenizer = r50kFromFile();
        Encoding jtokkit = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
        List<String> lines = TrainingCorpus.europarl().documents();
        int checked = 0;
        for (String line : lines) {
            int[] expected = jtokkit.encodeOrdinary(line).toArray();
            int[] actual = tokenizer.encode(line, true);
            assertArrayEquals(expected, actual, line);
            assertEquals(line, decode(tokenizer, actual));
            checked++;
        }
        assertEquals(lines.size(), checked);
        assertEquals(true, checked > 1000);
    }

    @Test
    void specialTokensInTheTextAreThoseTokens() throws Exception {
        GgufTokenizer tokenizer = r50kFromFile();
        Encoding jtokkit = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
        IntArrayList expected = jtokkit.encodeOrdinary("Hello");
        expected.add(50256);
        IntArrayList world = jtokkit.encodeOrdinary(" world");
        for (int i = 0; i < world.size(); i++) {
            expected.add(world.get(i));
        }
        assertArrayEquals(expected.toArray(), tokenizer.encode("Hello<|endoftext|> world", true));
    }

    @Test
    void preTokenizersSplitAsLlamaCppDoes() throws Exception {
        // llama3: digits in runs of at most three, a letter run takes one leading non-letter
        assertEquals(List.of("Hello", ",", " world", " ", "123", "456", "7", "!\n\n", "  ", " x"),
                PreTokenizer.named("llama3", "f").split("Hello, world 1234567!\n\n   x"));
        // qwen2: every digit alone
        assertEquals(List.of("a", "1", "2", "3"), PreTokenizer.named("qwen2", "f").split("a123"));
        // smollm: digits split first, then gpt2's expression inside the rest
        assertEquals(List.of("x", "1", "2", " y", "'s"), PreTokenizer.named("smollm", "f").split("x12 y's"));
        assertEquals(List.of("Hello", " world", "'s", " 123", "  ", " x"),
                PreTokenizer.named("gpt2", "f").split("Hello world's 123   x"));
    }

    @Test
    void sentencePieceMergesByScoreWithSpacePrefixAndByteFallback() throws Exception {
        String[] tokens = {"<unk>", "<s>", "</s>", "<0xC3>", "<0xA9>", "\u2581", "h", "e", "l", "o", "\u2581h",
            "ll", "\u2581he", "llo", "\u2581hello"};
        int[] types = {2, 3, 3, 6, 6, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        float[] scores = {0, 0, 0, 0, 0, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10};
        TinyModels.Vocab vocab = new TinyModels.Vocab("llama", null, tokens, types, scores, null, 1, 2, true);
        TinyModels.Spec spec = TinyModels.Spec.of("llama", GgmlType.F32, "llama").shape(32, 32, 1, 1, 1, 32);
        GgufTokenizer t = GgufTokenizer.read(GgufFile.open(TinyModels.writer(spec, vocab).write(dir.resolve("sp.gguf"))));
        // "hello": ▁h (-6) beats ll (-7); then ▁he (-8); llo (-9); ▁hello (-10)
        assertArrayEquals(new int[] {14}, t.encode("hello", true));
        // not at the start: no space is added; é has no token: its two UTF-8 bytes
        assertArrayEquals(new int[] {6, 7, 3, 4}, t.encode("he\u00e9", false));
        assertEquals(" hello", new String(t.piece(14), StandardCharsets.UTF_8));
        assertArrayEquals(new byte[] {(byte) 0xC3}, t.piece(3));
        // after a special token the text gets a space prefix again, as llama.cpp's llm_tokenizer_spm does
        assertArrayEquals(new int[] {14, 1, 5, 10}, t.encode("hello<s> h", true));
    }

    private static String decode(GgufTokenizer t, int[] ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int id : ids) {
            out.writeBytes(t.piece(id));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
