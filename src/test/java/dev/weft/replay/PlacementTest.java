package dev.weft.replay;

import static dev.weft.replay.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.loom.Piece;
import dev.weft.loom.TokenRun;
import org.junit.jupiter.api.Test;

class PlacementTest {
    private final TokenRun recorded = run(" I", " would", " like", " to");

    @Test
    void aTokenAfterTheSameTextIsExact() {
        assertEquals(new Placement(2, true), Placement.ofToken(recorded, 2, run(" I", " would", " love")));
        // other token boundaries, same text: the boundary is found by position, not index
        assertEquals(new Placement(1, true), Placement.ofToken(recorded, 2, run(" I would", " like")));
    }

    @Test
    void otherTextMovesToTheSameIndexOrNowhere() {
        assertEquals(new Placement(2, false), Placement.ofToken(recorded, 2, run(" We", " shall", " now")));
        assertNull(Placement.ofToken(recorded, 3, run(" We", " shall")));
    }

    @Test
    void anAlternativeIsFoundByTextElseByRank() {
        TokenRun now = run(" We", " shall"); // alternatives of " shall": " shall", " shallX", " shallY"
        assertEquals(new Placement(2, true), Placement.ofAlternative(Piece.of(" shallY"), 0, now, 1));
        assertEquals(new Placement(1, false), Placement.ofAlternative(Piece.of(" must"), 1, now, 1));
        assertEquals(new Placement(2, false), Placement.ofAlternative(Piece.of(" must"), 7, now, 1));
        assertNull(Placement.ofAlternative(Piece.of(" must"), 0, TokenRun.unscored(" typed"), 0));
    }

    @Test
    void anEditKeepsItsCharsOverTheSameTextAndItsTokenOverOther() {
        // " I would like to": chars 8..16 are " like to"
        assertEquals(new Placement.Span(8, 12), Placement.ofSpan(recorded, 8, 13, run(" I", " would", " see")));
        // other text: the edit starts in token 2, one char in, and still runs to the end
        assertEquals(new Placement.Span(10, 16),
                Placement.ofSpan(recorded, 9, 16, run(" We", " shall", " now", " go")));
        // a shorter text: the edit lands at its end
        assertEquals(new Placement.Span(3, 3), Placement.ofSpan(recorded, 12, 16, run(" We")));
    }
}
