package dev.weft.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A save indexes a tree's pieces by their serial in an array: one serial per piece, below {@link Piece#serials()}. */
class PieceSerialTest {
    @Test
    void eachPieceHasItsOwnSerial() {
        Piece hello = Piece.of("serial-test hello");
        assertSame(hello, Piece.of("serial-test hello"), "interned: the same piece, so the same serial");
        assertEquals(hello.serial(), Piece.ofBytes("serial-test hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)).serial());
        Set<Integer> serials = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Piece p = Piece.of("serial-test " + i);
            assertTrue(serials.add(p.serial()), "piece " + i);
            assertTrue(p.serial() >= 0 && p.serial() < Piece.serials());
        }
        String edit = "x".repeat(100); // too long to intern: two equal pieces, two serials
        assertNotEquals(Piece.of(edit).serial(), Piece.of(edit).serial());
    }
}
