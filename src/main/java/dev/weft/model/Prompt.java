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
 * generating from a node continues exactly the tokens shown.
 */
public record Prompt(List<Piece> pieces) {
    public Prompt {
        pieces = List.copyOf(pieces);
    }

    public static Prompt of(String text) {
        return new Prompt(text.isEmpty() ? List.of() : List.of(Piece.of(text)));
    }

    public static Prompt of(List<TokenRun> runs) {
        List<Piece> all = new ArrayList<>();
        for (TokenRun run : runs) {
            for (int i = 0; i < run.size(); i++) {
                all.add(run.piece(i));
            }
        }
        return new Prompt(all);
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Piece p : pieces) {
            out.writeBytes(p.bytes());
        }
        return out.toByteArray();
    }

    public String text() {
        return Utf8.decode(bytes()).text();
    }
}
