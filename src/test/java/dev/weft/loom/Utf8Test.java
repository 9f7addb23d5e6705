package dev.weft.loom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
    @Test
    void decodesValidTextLikeTheJdk() {
        String s = "a€日本🙂z";
        Utf8.Decoded d = Utf8.decode(s.getBytes(StandardCharsets.UTF_8));
        assertTrue(d.valid());
        assertEquals(s, d.text());
        // a=1 byte, €=3, 日=3, 本=3, 🙂=4 (2 chars), z=1
        assertArrayEquals(new int[] {0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4, 6, 7}, d.charAt());
    }

    @Test
    void truncatedSequencesBecomeReplacementsAndEscapes() {
        byte[] partial = {' ', (byte) 0xe2, (byte) 0x82};
        Utf8.Decoded d = Utf8.decode(partial);
        assertFalse(d.valid());
        assertEquals(" \uFFFD\uFFFD", d.text());
        assertEquals(" \\xe2\\x82", Utf8.escapeInvalid(partial));
    }

    @Test
    void rejectsOverlongAndSurrogateForms() {
        assertFalse(Utf8.decode(new byte[] {(byte) 0xc0, (byte) 0xaf}).valid());
        assertFalse(Utf8.decode(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}).valid());
    }

    @Test
    void piecesAreInternedByBytes() {
        assertTrue(Piece.of(" the") == Piece.ofBytes(" the".getBytes(StandardCharsets.UTF_8)));
        assertEquals("\uFFFD", Piece.of("\uFFFD").text());
        assertTrue(Piece.of("\uFFFD").isComplete());
    }

    @Test
    void incompleteTailFindsACharacterStillBeingSpelled() {
        byte[] euro = "a€".getBytes(StandardCharsets.UTF_8); // 61 e2 82 ac
        assertEquals(0, Utf8.incompleteTail(euro, 4));
        assertEquals(2, Utf8.incompleteTail(euro, 3));
        assertEquals(1, Utf8.incompleteTail(euro, 2));
        assertEquals(0, Utf8.incompleteTail(euro, 1));
    }

    @Test
    void continuesValidlyAcceptsTheRestOfACharacterAndNothingElse() {
        byte[] text = {'a', (byte) 0xe2, (byte) 0x82};
        assertTrue(Utf8.continuesValidly(text, 3, new byte[] {(byte) 0xac, 'b'}));
        assertFalse(Utf8.continuesValidly(text, 3, new byte[] {'b'}));
        assertTrue(Utf8.continuesValidly(text, 2, new byte[] {(byte) 0x82}));      // still open: fine
        assertFalse(Utf8.continuesValidly(text, 1, new byte[] {(byte) 0x82}));     // stray continuation
        assertTrue(Utf8.continuesValidly(text, 1, " ok".getBytes(StandardCharsets.UTF_8)));
    }
}
