package dev.weft.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvergenceTest {
    @Test
    void twoTokenListsThatRejoinAfterThreeTokens() {
        assertEquals(3, Convergence.rejoinAfter(pieces("c d e f g h"), pieces("x y z d e f g h")));
    }

    @Test
    void aRejoinNeedsEnoughSharedTokensToTheEnd() {
        assertNull(Convergence.rejoinAfter(pieces("c d e f g h"), pieces("x y z w v")), "never");
        assertNull(Convergence.rejoinAfter(pieces("c d e f g h"), pieces("x y g h")),
                "two shared tokens are a coincidence");
        assertNull(Convergence.rejoinAfter(pieces("c d e f g h"), pieces("x d e f g q")), "it must agree to the end");
        assertEquals(0, Convergence.rejoinAfter(pieces("c d e f g h"), pieces("c d e f g h")));
        assertEquals(1, Convergence.rejoinAfter(pieces("b c d e f"), pieces("q c d e f z z z")),
                "agreeing until the original ends is enough");
        assertEquals(2, Convergence.rejoinAfter(pieces("a b c d e f g"), pieces("p q a b c d")),
                "a run that is behind the original also re-joins it");
    }

    @Test
    void measuresTheEndingAfterThePerturbation() {
        TokenRun original = run("There is no answer . It is up to you .");
        Ending.Located ending = new Ending.LastSentence().locate(original);
        assertEquals("It is up to you .", ending.text());
        TokenRun regenerated = continuation("no answer . It is up to you .");
        Convergence c = Convergence.measure(original, 1, " bugs", regenerated, ending);
        assertEquals(0, c.rejoinAfter());
        assertTrue(c.endingMatched());
        assertEquals(0, c.endingDistance());

        Convergence apart = Convergence.measure(original, 1, " bugs", continuation("are real ."), ending);
        assertFalse(apart.rejoined());
        assertFalse(apart.endingMatched());
        assertTrue(apart.endingDistance() > 0.5);
    }

    @Test
    void endingsAreTheLastCompleteSentenceOrTheLastTokens() {
        TokenRun completion = run("There is no answer . It is up to you . So");
        Ending.Located sentence = new Ending.LastSentence().locate(completion);
        assertEquals("It is up to you .", sentence.text());
        assertEquals(5, sentence.startToken(), "the token ' It' holds the sentence's first letter");
        Ending.Located last = new Ending.LastTokens(3).locate(completion);
        assertEquals(" you . So", last.text());
        assertEquals(9, last.startToken());
        assertEquals("last sentence", sentence.rule());
        assertEquals(new Ending.Located(" m n o p q r s t", 12, "last 8 tokens"),
                new Ending.LastSentence().locate(run("a b c d e f g h i j k l m n o p q r s t")),
                "no complete sentence: the last tokens");
        assertEquals(new Ending.Located(" d e", 3, "last 2 tokens"),
                new Ending.LastSentence().locate(run("One sentence only d e")),
                "a short completion keeps its first half to perturb");
        assertEquals(new Ending.Located(" . So", 2, "last 2 tokens"),
                new Ending.LastSentence().locate(run("It is . So")), "the only sentence starts the completion");
        assertEquals(new Ending.Located("", 0, "last 1 tokens"), new Ending.LastSentence().locate(TokenRun.EMPTY));
    }

    /** Words as tokens: the first bare, the others with a leading space. */
    static TokenRun run(String words) {
        String[] parts = words.split(" ");
        Token[] tokens = new Token[parts.length];
        for (int i = 0; i < parts.length; i++) {
            tokens[i] = Token.of(i == 0 ? parts[i] : " " + parts[i], Math.log(0.5), List.of());
        }
        return TokenRun.of(tokens);
    }

    /** Words as tokens that continue a text: each with a leading space. */
    static TokenRun continuation(String words) {
        return TokenRun.of(Arrays.stream(words.split(" "))
                .map(w -> Token.of(" " + w, Math.log(0.5), List.of())).toList());
    }

    private static List<Piece> pieces(String words) {
        return Arrays.stream(words.split(" ")).map(Piece::of).toList();
    }
}
