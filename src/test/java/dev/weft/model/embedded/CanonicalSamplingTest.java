package dev.weft.model.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import dev.weft.model.Prompt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sampled text reads back as the tokens that were sampled, so scoring it reproduces their logprobs. */
class CanonicalSamplingTest {
    private static final EmbeddedModel MODEL = EuroparlModel.get();

    /**
     * Exact for every completion made of whole-character tokens. A character that byte-level BPE
     * splits across tokens is only kept valid UTF-8: whether BPE would split it the same way is
     * not checked (it would need look-ahead past the token that opens the character).
     */
    @Test
    void sampledTextTokenisesBackToTheSampledTokens() throws Exception {
        SamplingParams hot = SamplingParams.DEFAULTS.withTemperature(1.3).withMaxTokens(40).withN(5);
        int checked = 0;
        for (long seed = 0; seed < 20; seed++) {
            for (Completion c : MODEL.generate(Prompt.of("Mr President,"), hot.withSeed(seed))) {
                assertFalse(c.text().contains("\uFFFD"), "seed " + seed + " produced broken UTF-8: " + c.text());
                if (!c.tokens().stream().allMatch(t -> t.piece().isComplete())) {
                    continue;
                }
                checked++;
                int[] ids = MODEL.tokenizer().encode(c.text());
                List<Token> tokens = c.tokens();
                assertEquals(tokens.size(), ids.length, "seed " + seed + ": " + c.text());
                for (int i = 0; i < ids.length; i++) {
                    assertEquals(MODEL.tokenizer().piece(ids[i]), tokens.get(i).piece(), "seed " + seed);
                }
            }
        }
        assertTrue(checked >= 90, "only " + checked + " of 100 completions had whole-character tokens");
    }

    @Test
    void pairsAreCheckedAgainstTheTokeniser() {
        CanonicalPairs pairs = new CanonicalPairs(MODEL.tokenizer());
        int[] president = MODEL.tokenizer().encode(" President,");
        assertTrue(pairs.canonical(president[0], president[1]));
        int[] the = MODEL.tokenizer().encode(" the");
        int[] ory = MODEL.tokenizer().encode("ory");
        assertEquals(1, the.length);
        assertEquals(1, ory.length);
        assertFalse(pairs.canonical(the[0], ory[0]), "' the'+'ory' is spelled ' theory' by BPE");
    }
}
