package dev.weft.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateSetTest {
    @Test
    void rangesListsAndLines() {
        assertEquals(List.of("-1", "0", "1"), CandidateSet.parse("-1..1"));
        assertEquals(List.of("red", "green"), CandidateSet.parse(" red , green "));
        assertEquals(List.of("yes", "no way"), CandidateSet.fromLines(List.of("yes\r", "", "no way"), "@f"));
    }

    @Test
    void badSetsAreRefusedWithAMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CandidateSet.parse("5..1")).getMessage()
                .contains("reversed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CandidateSet.parse("a,,b")).getMessage()
                .contains("no empty candidates"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CandidateSet.parse("a,b,a")).getMessage()
                .contains("'a' appears twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CandidateSet.parse("0..10000")).getMessage()
                .contains("more than 10000"));
        assertThrows(IllegalArgumentException.class, () -> CandidateSet.fromLines(List.of(" ", ""), "@f"));
    }
}
