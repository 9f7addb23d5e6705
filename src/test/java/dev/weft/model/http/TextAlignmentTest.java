package dev.weft.model.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared rule: the server's text is what was generated; pieces are attached to it by their bytes. */
class TextAlignmentTest {

    private static Token t(String text, double lp) {
        return new Token(Piece.of(text), lp, List.of());
    }

    private static Token raw(byte[] bytes, double lp) {
        return new Token(Piece.ofBytes(bytes), lp, List.of());
    }

    private static String text(List<Token> tokens) {
        return new Completion(tokens, dev.weft.loom.FinishReason.STOP).text();
    }

    @Test
    void matchingPiecesAreKeptAsTheyAre() {
        List<Token> out = TextAlignment.align(" a b", List.of(t(" a", -1), t(" b", -2)));
        assertEquals(List.of(" a|-1.0", " b|-2.0"), Harness.show(out));
    }

    @Test
    void replacementCharactersBecomeOneMarkedSpanOfTheServersText() {
        TextAlignment a = new TextAlignment();
        List<Token> out = new ArrayList<>(a.add(" I ❤ it.", List.of(t(" I", -0.5), t(" ", -0.25),
                t("\uFFFD", -1), t("\uFFFD", -0.5), t("\uFFFD", -0.25), t(" it", -0.125), t(".", -0.0625))));
        out.addAll(a.finish());
        assertEquals(" I ❤ it.", text(out));
        assertEquals(List.of(" I|-0.5", " |-0.25", "❤|-1.75", " it|-0.125", ".|-0.0625"), Harness.show(out));
        assertEquals(1, a.markedSpans());
    }

    @Test
    void aBosPieceTheTextDoesNotContainCoversNothing() {
        TextAlignment a = new TextAlignment();
        List<Token> out = new ArrayList<>(a.add("The cat", List.of(t("<s>", Double.NaN), t("The", -1), t(" cat", -2))));
        out.addAll(a.finish());
        assertEquals(List.of("The|-1.0", " cat|-2.0"), Harness.show(out));
        assertEquals(1, a.droppedPieces());
        assertEquals(0, a.markedSpans());
    }

    @Test
    void piecesPastTheEndOfTheTextAreDropped() {
        List<Token> out = TextAlignment.align(" time.", List.of(t(" time", -1), t(".", -2), t("\n\n", -3)));
        assertEquals(List.of(" time|-1.0", ".|-2.0"), Harness.show(out));
    }

    @Test
    void emptyEntriesSpellNothing() {
        List<Token> out = TextAlignment.align("ab", List.of(t("a", -1), t("", -2), t("b", -3), t("", -4)));
        assertEquals(List.of("a|-1.0", "b|-3.0"), Harness.show(out));
    }

    @Test
    void aStreamHoldsBackAPartialCharacterUntilItsTextArrives() {
        TextAlignment a = new TextAlignment();
        byte[] smile = "🙂".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(List.of(), a.add("", List.of(raw(new byte[] {smile[0], smile[1]}, -1))),
                "the server holds the text of half a character back; so does the alignment");
        List<Token> out = a.add("🙂", List.of(raw(new byte[] {smile[2], smile[3]}, -2)));
        assertEquals("🙂", text(out));
        assertEquals(2, out.size(), "both tokens keep their own scores: their bytes do spell the text");
        assertEquals(List.of(), a.finish());
    }

    @Test
    void textWithoutPiecesIsKeptUnscored() {
        TextAlignment a = new TextAlignment();
        List<Token> out = a.add("hello", List.of());
        assertEquals(1, out.size());
        assertTrue(!out.get(0).isScored());
        assertEquals("hello", out.get(0).text());
    }

    @Test
    void aRunThatNeverResyncsCoversTheRestOfTheText() {
        List<Token> out = TextAlignment.align("é!", List.of(t("\uFFFD", -1), t("\uFFFD", -1)));
        assertEquals(List.of("é!|-2.0"), Harness.show(out));
    }
}
