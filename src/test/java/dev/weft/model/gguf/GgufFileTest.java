package dev.weft.model.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.model.ModelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on good files and on truncated, corrupted and unsupported ones: one-line errors naming the file. */
class GgufFileTest {
    @TempDir Path dir;

    private Path tiny(String name) throws Exception {
        return TinyModels.write(TinyModels.Spec.of("llama", GgmlType.Q4_K, "gpt2"), dir.resolve(name));
    }

    private String error(Path file) {
        ModelException e = assertThrows(ModelException.class, () -> GgufModel.open(file, 1).close());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void readsMetadataAndTensorTable() throws Exception {
        GgufFile f = GgufFile.open(tiny("a.gguf"));
        assertEquals(3, f.version());
        assertEquals("llama", f.string("general.architecture"));
        assertEquals(256, f.integer("llama.embedding_length"));
        Tensor q = f.tensor("blk.0.attn_q.weight");
        assertEquals(GgmlType.Q4_K, q.type());
        assertEquals(256, q.cols());
        assertEquals(256, q.rows());
        assertEquals(256 * 256 / 256 * 144, q.bytes());
    }

    @Test
    void readsVersion2() throws Exception {
        Path file = TinyModels.writer(TinyModels.Spec.of("llama", GgmlType.F16, "llama"),
                TinyModels.vocabulary("llama", null)).version(2).write(dir.resolve("v2.gguf"));
        try (GgufModel model = GgufModel.open(file, 1)) {
            assertEquals(2, GgufFile.open(file).version());
            assertTrue(model.score(dev.weft.model.Prompt.of(""), "The cat", 3).tokens().size() > 0);
        }
    }

    @Test
    void notGguf() throws Exception {
        Path file = Files.writeString(dir.resolve("x.gguf"), "hello, this is text");
        assertEquals("not a GGUF file (no GGUF magic at its start)", error(file));
        assertEquals("not a GGUF file (no GGUF magic at its start)", error(Files.write(dir.resolve("e.gguf"), new byte[0])));
    }

    @Test
    void unsupportedVersion() throws Exception {
        byte[] bytes = Files.readAllBytes(tiny("a.gguf"));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1);
        assertEquals("GGUF version 1 is not supported (supported: 2, 3)", error(Files.write(dir.resolve("v1.gguf"), bytes)));
    }

    @Test
    void unsupportedArchitectureNamesTheSupportedOnes() throws Exception {
        GgufWriter w = TinyModels.writer(TinyModels.Spec.of("llama", GgmlType.F32, "gpt2"),
                TinyModels.vocabulary("gpt2", "llama3"));
        w.put("general.architecture", "gemma3");
        assertEquals("architecture gemma3 is not supported yet; supported: llama, mistral, qwen2, qwen3",
                error(w.write(dir.resolve("g.gguf"))));
    }

    @Test
    void unsupportedTensorTypeAndPreTokenizer() throws Exception {
        GgufWriter w = TinyModels.writer(TinyModels.Spec.of("llama", GgmlType.F32, "gpt2"),
                TinyModels.vocabulary("gpt2", "llama3"));
        w.tensor("extra.weight", GgmlType.F32, new long[] {4}, new byte[16]);
        Path ok = w.write(dir.resolve("ok.gguf"));
        byte[] bytes = Files.readAllBytes(ok);
        // the last tensor info's type id sits 12 bytes before the end of the table: patch it to IQ2_XXS (16)
        int at = indexOf(bytes, "extra.weight".getBytes()) + "extra.weight".length() + 4 + 8;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, 16);
        assertTrue(error(Files.write(dir.resolve("iq.gguf"), bytes))
                .startsWith("tensor extra.weight has type IQ2_XXS, which is not supported (supported: F32, F16,"));
        GgufWriter pre = TinyModels.writer(TinyModels.Spec.of("llama", GgmlType.F32, "gpt2"),
                TinyModels.vocabulary("gpt2", "tekken"));
        assertEquals("pre-tokenizer tekken is not supported yet; supported: " + PreTokenizer.SUPPORTED,
                error(pre.write(dir.resolve("pre.gguf"))));
    }

    @Test
    void missingTensorAndWrongShape() throws Exception {
        GgufWriter w = TinyModels.writer(TinyModels.Spec.of("llama", GgmlType.F32, "gpt2"),
                TinyModels.vocabulary("gpt2", "llama3"));
        w.putU32("llama.block_count", 3);
        assertEquals("tensor blk.2.attn_norm.weight is missing", error(w.write(dir.resolve("m.gguf"))));
        GgufWriter s = TinyModels.writer(TinyModels.Spec.of("llama", GgmlType.F32, "gpt2"),
                TinyModels.vocabulary("gpt2", "llama3"));
        s.putU32("llama.feed_forward_length", 128);
        assertEquals("tensor blk.0.ffn_gate.weight has shape [256, 512], expected [256, 128]",
                error(s.write(dir.resolve("s.gguf"))));
    }

    @Test
    void everyTruncationIsAOneLineError() throws Exception {
        byte[] bytes = Files.readAllBytes(tiny("a.gguf"));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 400; i++) {
            int length = i < 200 ? i * 61 : random.nextInt(bytes.length);
            Path cut = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(bytes, length));
            String message = error(cut);
            assertTrue(message.startsWith("truncated") || message.startsWith("corrupt")
                    || message.startsWith("not a GGUF file"), length + ": " + message);
        }
    }

    @Test
    void hostileLengthsAndCorruptBytesNeverEscapeAsOtherExceptions() throws Exception {
        byte[] good = Files.readAllBytes(tiny("a.gguf"));
        SplittableRandom random = new SplittableRandom(11);
        int headerEnd = indexOf(good, "blk.1.ffn_down.weight".getBytes()) + 64;
        for (int i = 0; i < 300; i++) {
            byte[] bytes = good.clone();
            for (int k = 0; k < 4; k++) {
                bytes[random.nextInt(headerEnd)] = (byte) random.nextInt(256);
            }
            Path file = Files.write(dir.resolve("fuzz.gguf"), bytes);
            try {
                GgufModel.open(file, 1).close();
            } catch (ModelException e) {
                assertTrue(e.getMessage().startsWith(file + ": ") && !e.getMessage().contains("\n"), e.getMessage());
            }
        }
        // a string length of 2^63 - 1 at the first key
        byte[] huge = good.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(24, Long.MAX_VALUE);
        assertTrue(error(Files.write(dir.resolve("h.gguf"), huge)).startsWith("corrupt: metadata key length is"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
