package dev.weft.model;

import dev.weft.loom.Piece;
import dev.weft.loom.TokenRun;
import dev.weft.loom.Utf8;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The context to continue, as the pieces it is made of. Backends that take text send
 * {@link #text()}; the embedded model keeps the token boundaries the tree already has, so
 * generating from a node continues exactly the tokens shown. For chat backends the first
 * {@code userPieces} pieces are the user's turn (a tree's prompt) and the rest is the start of
 * the assistant's reply, which a server that allows it continues.
 */
public record Prompt(List<Piece> pieces, int userPieces) {
    public Prompt {
        pieces = List.copyOf(pieces);
        if (userPieces < 0 || userPieces > pieces.size()) {
            throw new IllegalArgumentException("user turn of " + userPieces + " pieces in a prompt of " + pieces.size());
        }
    }

    /** All of it is the user's turn. */
    public Prompt(List<Piece> pieces) {
        this(pieces, pieces.size());
    }

    public static Prompt of(String text) {
        return new Prompt(text.isEmpty() ? List.of() : List.of(Piece.of(text)));
    }

    /** The text along a path of the loom: the root is the user's turn, the nodes below it the reply so far. */
    public static Prompt of(List<TokenRun> runs) {
        List<Piece> all = new ArrayList<>();
        for (TokenRun run : runs) {
            for (int i = 0; i < run.size(); i++) {
                all.add(run.piece(i));
            }
        }
        return new Prompt(all, runs.isEmpty() ? 0 : runs.get(0).size());
    }

    public String userText() {
        return decode(pieces.subList(0, userPieces));
    }

    /** The reply so far, empty when the prompt is only the user's turn. */
    public String assistantText() {
        return decode(pieces.subList(userPieces, pieces.size()));
    }

    public byte[] bytes() {
        return bytes(pieces);
    }

    private static byte[] bytes(List<Piece> pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Piece p : pieces) {
            out.writeBytes(p.bytes());
        }
        return out.toByteArray();
    }

    private static String decode(List<Piece> pieces) {
        return Utf8.decode(bytes(pieces)).text();
    }

    /** True when the bytes are whole UTF-8 text: false when the context ends (or breaks) inside a character. */
    public boolean isWholeText() {
        return Utf8.decode(bytes()).valid();
    }

    public String text() {
        return Utf8.decode(bytes()).text();
    }
}
