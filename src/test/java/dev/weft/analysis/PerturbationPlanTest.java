package dev.weft.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Alternative;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerturbationPlanTest {
    /** " w0" … " w9", each reported with itself and two alternatives " w0a", " w0b". */
    private static final TokenRun ORIGINAL = original(10);

    @Test
    void swapsAreSeededDistinctAndBeforeTheEnding() {
        List<Perturbation> swaps = new PerturbationPlan.Swaps(4, 11).perturbations(ORIGINAL, 6);
        assertEquals(4, swaps.size());
        assertEquals(swaps, new PerturbationPlan.Swaps(4, 11).perturbations(ORIGINAL, 6), "the same seed");
        assertNotEquals(swaps, new PerturbationPlan.Swaps(4, 12).perturbations(ORIGINAL, 6));
        List<Integer> positions = swaps.stream().map(Perturbation::at).toList();
        assertEquals(positions.stream().sorted().distinct().toList(), positions, "ordered and distinct");
        for (Perturbation p : swaps) {
            Perturbation.Swap swap = (Perturbation.Swap) p;
            assertTrue(swap.at() < 6);
            assertNotEquals(ORIGINAL.piece(swap.at()), swap.piece());
            assertEquals(ORIGINAL.alternative(swap.at(), swap.alternative()).piece(), swap.piece());
            assertEquals("swap", swap.kind());
        }
        assertEquals(6, new PerturbationPlan.Swaps(9, 1).perturbations(ORIGINAL, 6).size(), "only six positions exist");
        assertEquals(10, new PerturbationPlan.Swaps(99, 1).perturbations(ORIGINAL, 0).size(),
                "an ending that is the whole text does not limit the positions");
    }

    @Test
    void tokensWithoutOtherAlternativesAreNotSwapped() {
        TokenRun bare = TokenRun.of(Token.of(" a", -0.1, List.of(Alternative.of(" a", -0.1))),
                Token.of(" b", -0.1, List.of()));
        assertEquals(List.of(), new PerturbationPlan.Swaps(3, 1).perturbations(bare, 0));
    }

    @Test
    void insertsPutThePhraseBeforeRandomTokens() {
        List<Perturbation> inserts = new PerturbationPlan.Inserts(" bugs", 3, 5).perturbations(ORIGINAL, 8);
        assertEquals(3, inserts.size());
        for (Perturbation p : inserts) {
            assertEquals(" bugs", p.text());
            assertEquals(List.of(Piece.of(" bugs")), p.pieces());
            assertTrue(p.at() < 8);
        }
        assertThrows(IllegalArgumentException.class, () -> new PerturbationPlan.Inserts("", 3, 5));
    }

    @Test
    void editsDepartAtTheFirstChangedCharacter() {
        // the original reads " w0 w1 w2 w3 …"; this edit changes "w2" into "wX" and stops there
        List<String> rewritten = List.of(" w0 w1 wX", " w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 and more");
        List<Perturbation> edits = new PerturbationPlan.Edits(rewritten).perturbations(ORIGINAL, 0);
        assertEquals(new Perturbation.Edit(2, " wX"), edits.get(0), "from the start of the token that changed");
        assertEquals(new Perturbation.Edit(10, " and more"), edits.get(1), "text after the end is an edit at the end");
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> new PerturbationPlan.Edits(List.of(" w0 w1")).perturbations(ORIGINAL, 0));
        assertEquals("edit 1 does not change the completion: it is a beginning of it", same.getMessage());
    }

    static TokenRun original(int size) {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String w = " w" + i;
            tokens.add(Token.of(w, Math.log(0.7), List.of(Alternative.of(w, Math.log(0.7)),
                    Alternative.of(w + "a", Math.log(0.2)), Alternative.of(w + "b", Math.log(0.1)))));
        }
        return TokenRun.of(tokens);
    }
}
