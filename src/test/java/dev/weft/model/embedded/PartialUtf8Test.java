package dev.weft.model.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GPT-2's byte-level tokens split CJK characters and the euro sign; the pieces must keep the raw bytes. */
class PartialUtf8Test {
    private static final String CORPUS = """
            東京は日本の首都です。東京は大きな都市です。
            京都は日本の古い都です。価格は5€です。
            日本語のテキストです。東京の価格は10€です。
            """;
    private static final SamplingParams GREEDY = SamplingParams.DEFAULTS.withTemperature(0);

    @TempDir
    Path dir;

    private EmbeddedModel model() throws Exception {
        TrainingCorpus corpus = TrainingCorpus.file(Files.writeString(dir.resolve("cjk.txt"), CORPUS));
        return EmbeddedModel.open(corpus, 4, ModelCache.at(dir.resolve("cache")));
    }

    @Test
    void piecesCarryRawBytesAndTheJoinedTextIsWhole() throws Exception {
        EmbeddedModel model = model();
        Prompt prompt = Prompt.of("東京");
        Completion completion = model.generate(prompt, GREEDY.withMaxTokens(12)).get(0);
        assertTrue(completion.tokens().stream().anyMatch(t -> !t.piece().isComplete()), "a token splits a character");
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (Token token : completion.tokens()) {
            joined.writeBytes(token.piece().bytes());
            int[] id = model.tokenizer().encode(new Prompt(List.of(token.piece())));
            assertEquals(1, id.length, "each piece is exactly one token: " + token.text());
        }
        assertArrayEquals(joined.toByteArray(), completion.run().bytes());
        String text = completion.text();
        assertTrue(text.startsWith("は日本の") && !text.contains("\uFFFD"), "split characters join again: " + text);
    }

    @Test
    void continuingFromPartialPiecesKeepsTheirIds() throws Exception {
        EmbeddedModel model = model();
        SamplingParams greedy = GREEDY.withMaxTokens(10);
        List<Token> whole = model.generate(Prompt.of("価格は"), greedy).get(0).tokens();
        int split = 1;
        while (whole.get(split - 1).piece().isComplete()) {
            split++; // cut the node right after a token that ends inside a character
        }
        List<Piece> pieces = new ArrayList<>(List.of(Piece.of("価格は")));
        whole.subList(0, split).forEach(t -> pieces.add(t.piece()));
        List<Token> rest = model.generate(new Prompt(pieces), greedy.withMaxTokens(10 - split)).get(0).tokens();
        assertEquals(whole.subList(split, 10), rest);
    }

    @Test
    void scoringTextWithSplitCharactersMatchesGeneration() throws Exception {
        EmbeddedModel model = model();
        Prompt prompt = Prompt.of("京都は");
        Completion completion = model.generate(prompt, GREEDY.withMaxTokens(8)).get(0);
        String text = completion.text();
        assertEquals(text, new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        Scoring scoring = model.score(prompt, text, 3);
        assertEquals(completion.tokens().size(), scoring.tokens().size());
        for (int i = 0; i < scoring.tokens().size(); i++) {
            assertEquals(completion.tokens().get(i).piece(), scoring.tokens().get(i).piece());
            assertEquals(completion.tokens().get(i).logprob(), scoring.tokens().get(i).logprob(), 1e-9);
        }
    }
}
