package dev.weft.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeFiguresTest {
    @Test
    void figuresOverScoredTokens() {
        TokenRun run = TokenRun.of(List.of(
                Token.of("a", Math.log(0.995), List.of(Alternative.of("a", Math.log(0.995)), Alternative.of("b", Math.log(0.005)))),
                Token.of("b", Math.log(0.25), List.of(Alternative.of("c", Math.log(0.5)), Alternative.of("b", Math.log(0.25)),
                        Alternative.of("d", Math.log(0.25)))),
                Token.unscored("typed")));
        NodeFigures f = NodeFigures.of(run);
        assertEquals(2, f.scored());
        assertEquals(Math.log(0.995) + Math.log(0.25), f.sumLogprob(), 1e-6);
        assertEquals(f.sumLogprob() / 2, f.meanLogprob(), 1e-9);
        assertEquals(Math.exp(-f.meanLogprob()), f.perplexity(), 1e-9);
        assertEquals(0.5, f.shareConfident(), 1e-12);
        double h1 = -(0.995 * Math.log(0.995) + 0.005 * Math.log(0.005));
        double h2 = -(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25));
        assertEquals((h1 + h2) / 2, f.meanEntropy(), 1e-6);
    }

    @Test
    void unscoredRunsHaveNoFigures() {
        NodeFigures f = NodeFigures.of(TokenRun.unscored("hello"));
        assertEquals(0, f.scored());
        assertTrue(Double.isNaN(f.meanLogprob()));
        assertTrue(Double.isNaN(f.meanEntropy()));
    }
}
