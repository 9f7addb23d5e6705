package dev.weft.model.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.model.Capabilities;
import dev.weft.model.Completion;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EmbeddedModelTest {
    private static final EmbeddedModel MODEL = EuroparlModel.get();
    private static final Prompt PROMPT = Prompt.of("I would like to");
    private static final SamplingParams SEEDED = SamplingParams.DEFAULTS.withSeed(7L).withMaxTokens(30);

    @Test
    void describesItself() throws Exception {
        assertEquals("embedded", MODEL.backend());
        assertEquals("kn4-europarl-en", MODEL.model());
        assertEquals(new Capabilities(50257, true, true, true, true, true), MODEL.capabilities());
    }

    @Test
    void realDistributionsSumToOne() throws Exception {
        for (String text : List.of("", "The", "Mr President, I would like to", "zxqv unseen wordsmithery")) {
            int[] context = MODEL.tokenizer().encode(Prompt.of(text));
            double[] p = MODEL.ngrams().distribution(context);
            assertEquals(1.0, Arrays.stream(p).sum(), 1e-9, text);
            assertTrue(Arrays.stream(p).allMatch(x -> x > 0), text);
        }
    }

    @Test
    void theSameSeedGivesTheSameCompletionsAndChoicesDiffer() throws Exception {
        List<Completion> first = MODEL.generate(PROMPT, SEEDED.withN(3));
        assertEquals(first, MODEL.generate(PROMPT, SEEDED.withN(3)));
        assertNotEquals(first.get(0).text(), first.get(1).text());
        assertNotEquals(first.get(1).text(), first.get(2).text());
        assertEquals(first.get(0), MODEL.generate(PROMPT, SEEDED).get(0), "choice 0 does not depend on n");
    }

    @Test
    void greedyTokensAreTheirOwnTopAlternative() throws Exception {
        Completion greedy = MODEL.generate(PROMPT, SEEDED.withTemperature(0)).get(0);
        assertEquals(30, greedy.tokens().size());
        assertEquals(FinishReason.LENGTH, greedy.finish());
        for (Token token : greedy.tokens()) {
            assertEquals(1, token.rank(), token.text());
            assertEquals(5, token.top().size());
            assertEquals(token.logprob(), token.top().get(0).logprob());
        }
    }

    @Test
    void reportedLogprobsAreTheModelsOwnBeforeAnyFilter() throws Exception {
        SamplingParams sharp = SEEDED.withTemperature(0.3).withTopK(2).withMaxTokens(1);
        Token first = MODEL.generate(PROMPT, sharp).get(0).tokens().get(0);
        int[] context = concat(new int[] {Gpt2Tokenizer.END_OF_TEXT}, MODEL.tokenizer().encode(PROMPT));
        double[] p = MODEL.ngrams().distribution(context);
        int id = MODEL.tokenizer().encode(first.text())[0];
        assertEquals(Math.log(p[id]), first.logprob(), 0.0);
        assertTrue(first.logprob() < Math.log(0.9), "not the sharpened probability");
    }

    @Test
    void generateAndScoreAgreeOnCanonicalTokens() throws Exception {
        int compared = 0;
        for (long seed = 1; seed <= 8; seed++) {
            Completion completion = MODEL.generate(PROMPT, SEEDED.withSeed(seed).withTopLogprobs(7)).get(0);
            String text = completion.text();
            List<Piece> sampled = completion.tokens().stream().map(Token::piece).toList();
            if (!sampled.equals(pieces(MODEL.tokenizer().encode(text)))) {
                continue; // the sampler picked a non-canonical split of its own text; score would tokenise differently
            }
            Scoring scoring = MODEL.score(PROMPT, text, 7);
            assertEquals(completion.tokens().size(), scoring.tokens().size());
            for (int i = 0; i < sampled.size(); i++) {
                Token generated = completion.tokens().get(i);
                Token scored = scoring.tokens().get(i);
                assertEquals(generated.piece(), scored.piece());
                assertEquals(generated.logprob(), scored.logprob(), 1e-9);
                assertEquals(generated.top(), scored.top());
            }
            compared++;
        }
        assertTrue(compared >= 3, "most samples are canonical; compared " + compared);
    }

    @Test
    void continuingFromTheTokensShownContinuesExactly() throws Exception {
        SamplingParams greedy = SEEDED.withTemperature(0).withMaxTokens(12);
        List<Token> whole = MODEL.generate(PROMPT, greedy).get(0).tokens();
        List<Piece> pieces = new ArrayList<>(PROMPT.pieces());
        whole.subList(0, 5).forEach(t -> pieces.add(t.piece()));
        List<Token> rest = MODEL.generate(new Prompt(pieces), greedy.withMaxTokens(7)).get(0).tokens();
        assertEquals(whole.subList(5, 12), rest);
    }

    @Test
    void tokensReachTheSinkAsTheyAreProduced() throws Exception {
        List<List<Token>> streamed = List.of(new ArrayList<>(), new ArrayList<>());
        List<Completion> completions = MODEL.generate(PROMPT, SEEDED.withN(2),
                (choice, token) -> streamed.get(choice).add(token), () -> false);
        assertEquals(completions.get(0).tokens(), streamed.get(0));
        assertEquals(completions.get(1).tokens(), streamed.get(1));
    }

    @Test
    void aStopStringEndsTheCompletionBeforeTheTokenThatCompletesIt() throws Exception {
        SamplingParams greedy = SEEDED.withTemperature(0);
        List<Token> unstopped = MODEL.generate(PROMPT, greedy).get(0).tokens();
        String stop = ", Mr";
        int completing = 0;
        while (!TokenRun.of(unstopped.subList(0, completing + 1)).text().contains(stop)) {
            completing++;
        }
        Completion stopped = MODEL.generate(PROMPT, greedy.withStop(List.of("never appears", stop))).get(0);
        assertEquals(FinishReason.STOP, stopped.finish());
        assertEquals(unstopped.subList(0, completing), stopped.tokens());
        assertTrue(!stopped.text().contains(stop), stopped.text());
    }

    @Test
    void endOfTextEndsACompletionWithoutBeingEmitted() throws Exception {
        List<Completion> completions = MODEL.generate(Prompt.of("Thank you."), SEEDED.withN(12).withMaxTokens(60));
        assertTrue(completions.stream().anyMatch(c -> c.finish() == FinishReason.STOP), "a sample ends its document");
        Piece endOfText = MODEL.tokenizer().piece(Gpt2Tokenizer.END_OF_TEXT);
        for (Completion c : completions) {
            assertTrue(c.tokens().stream().noneMatch(t -> t.piece().equals(endOfText)));
            if (c.finish() == FinishReason.LENGTH) {
                assertEquals(60, c.tokens().size());
            }
        }
    }

    @Test
    void cancellationCutsEveryUnfinishedChoice() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        // choices take turns: polls 1..5 let tokens through (choice 0, 1, 0, 1, 0), poll 6 cancels
        List<Completion> cut = MODEL.generate(PROMPT, SEEDED.withN(2), (c, t) -> {}, () -> polls.incrementAndGet() > 5);
        assertEquals(List.of(3, 2), cut.stream().map(c -> c.tokens().size()).toList());
        assertTrue(cut.stream().allMatch(c -> c.finish() == FinishReason.CUT));
        List<Completion> early = MODEL.generate(PROMPT, SEEDED, (c, t) -> {}, () -> true);
        assertEquals(List.of(new Completion(List.of(), FinishReason.CUT)), early);
    }

    @Test
    void zeroMaxTokensGivesEmptyCompletions() throws Exception {
        assertEquals(List.of(new Completion(List.of(), FinishReason.LENGTH)),
                MODEL.generate(PROMPT, SEEDED.withMaxTokens(0)));
    }

    @Test
    void theWholeVocabularyCanBeReportedAsAlternatives() throws Exception {
        Token token = MODEL.generate(PROMPT, SEEDED.withMaxTokens(1).withTopLogprobs(100_000)).get(0).tokens().get(0);
        assertEquals(50257, token.top().size());
        assertEquals(1.0, token.top().stream().mapToDouble(a -> a.probability()).sum(), 1e-9);
    }

    @Test
    void scoringEmptyTextGivesNoTokens() throws Exception {
        assertEquals(0, MODEL.score(PROMPT, "", 5).tokens().size());
    }

    private static List<Piece> pieces(int[] ids) {
        return Arrays.stream(ids).mapToObj(MODEL.tokenizer()::piece).toList();
    }

    static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
