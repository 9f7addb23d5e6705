package dev.weft.model.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Piece;
import dev.weft.model.Prompt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Gpt2TokenizerTest {
    private static final Gpt2Tokenizer GPT2 = Gpt2Tokenizer.shared();

    private static byte[] joinedBytes(int[] ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int id : ids) {
            out.writeBytes(GPT2.piece(id).bytes());
        }
        return out.toByteArray();
    }

    private static Prompt promptOf(int[] ids) {
        List<Piece> pieces = new ArrayList<>();
        for (int id : ids) {
            pieces.add(GPT2.piece(id));
        }
        return new Prompt(pieces);
    }

    @Test
    void encodesLikeGpt2() {
        assertEquals(50257, GPT2.vocabularySize());
        assertArrayEquals(new int[] {15496, 995}, GPT2.encode("Hello world"));
        assertEquals("Hello", GPT2.piece(15496).text());
        assertEquals(" world", GPT2.piece(995).text());
        assertEquals("<|endoftext|>", GPT2.piece(Gpt2Tokenizer.END_OF_TEXT).text());
    }

    @Test
    void theSpecialTokenWrittenInTextIsOrdinaryText() {
        int[] ids = GPT2.encode("a<|endoftext|>b");
        assertTrue(ids.length > 3);
        assertFalse(Arrays.stream(ids).anyMatch(id -> id == Gpt2Tokenizer.END_OF_TEXT));
    }

    @Test
    void tokensCanEndInsideACharacter() {
        String text = "東京は日本の首都";
        int[] ids = GPT2.encode(text);
        assertTrue(Arrays.stream(ids).anyMatch(id -> !GPT2.piece(id).isComplete()), "some token splits a character");
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), joinedBytes(ids));
    }

    @Test
    void promptPiecesThatAreTokensKeepTheirBoundaries() {
        int[] canonical = GPT2.encode("Hello world");
        // " wor" + "ld" is not how BPE splits " world", but a loom node may hold exactly those tokens
        int[] unusual = {15496, GPT2.encode(" wor")[0], GPT2.encode("ld")[0]};
        assertEquals(1, GPT2.encode(" wor").length);
        assertArrayEquals(unusual, GPT2.encode(promptOf(unusual)));
        assertArrayEquals(canonical, GPT2.encode(Prompt.of("Hello world")));
        int[] japanese = GPT2.encode("日本語");
        assertArrayEquals(japanese, GPT2.encode(promptOf(japanese)));
    }

    @Test
    void typedPiecesAreEncodedOnTheirOwn() {
        Prompt prompt = new Prompt(List.of(Piece.of("Hello"), Piece.of(" big world")));
        int[] expected = concat(GPT2.encode("Hello"), GPT2.encode(" big world"));
        assertArrayEquals(expected, GPT2.encode(prompt));
    }

    @Test
    void bytesThatAreNotUtf8BecomeByteTokens() {
        byte[] bytes = {'a', 'b', (byte) 0xff, (byte) 0xe6, (byte) 0x97, 'c', 'd', (byte) 0xe6};
        int[] ids = GPT2.encode(new Prompt(List.of(Piece.ofBytes(bytes))));
        assertArrayEquals(bytes, joinedBytes(ids));
        int[] expected = concat(GPT2.encode("ab"), idsOfBytes(0xff, 0xe6, 0x97), GPT2.encode("cd"), idsOfBytes(0xe6));
        assertArrayEquals(expected, ids);
    }

    @Test
    void documentsAreFramedByEndOfText() {
        int eot = Gpt2Tokenizer.END_OF_TEXT;
        int[] stream = GPT2.encodeDocuments(List.of("Hello", "world"));
        int[] separator = {eot};
        int[] expected = concat(separator, GPT2.encode("Hello"), separator, GPT2.encode("world"), separator);
        assertArrayEquals(expected, stream);
    }

    private static int[] idsOfBytes(int... bytes) {
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            int[] one = GPT2.encode(new Prompt(List.of(Piece.ofBytes(new byte[] {(byte) bytes[i]}))));
            assertEquals(1, one.length);
            ids[i] = one[0];
        }
        return ids;
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
    }
}
