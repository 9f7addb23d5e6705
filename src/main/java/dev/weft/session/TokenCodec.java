package dev.weft.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import dev.weft.loom.Alternative;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Token runs as compact arrays, one token per line in a session file:
 * {@code [text, logprob, [[altText, altLogprob], …], bytes]}. The alternatives are omitted when
 * there are none and nothing follows; {@code bytes} (0–255 each) is present only when the
 * piece is partial UTF-8, and then it, not the display text, is the token. An alternative is
 * {@code [text, logprob]} or {@code [text, logprob, bytes]} by the same rule. A logprob is a
 * float written in its shortest exact form, {@code null} when unscored (NaN), or the string
 * {@code "-Infinity"} / {@code "Infinity"}.
 */
final class TokenCodec {
    private TokenCodec() {}

    static void write(JsonGenerator g, TokenRun run) throws IOException {
        SessionLayout.expandNext(g);
        g.writeStartArray();
        for (int i = 0; i < run.size(); i++) {
            Piece piece = run.piece(i);
            int alternatives = run.alternativeCount(i);
            g.writeStartArray();
            g.writeString(piece.text());
            writeLogprob(g, run.logprob(i));
            if (alternatives > 0 || !piece.isComplete()) {
                g.writeStartArray();
                for (int j = 0; j < alternatives; j++) {
                    Alternative alt = run.alternative(i, j);
                    g.writeStartArray();
                    g.writeString(alt.text());
                    writeLogprob(g, alt.logprob());
                    writeBytesIfPartial(g, alt.piece());
                    g.writeEndArray();
                }
                g.writeEndArray();
                writeBytesIfPartial(g, piece);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** Reads a run; the input stands on the array's start. */
    static TokenRun read(JsonInput in, String what) throws SessionException {
        List<Token> tokens = new ArrayList<>();
        in.array(what, i -> tokens.add(readToken(in)));
        return TokenRun.of(tokens);
    }

    private static Token readToken(JsonInput in) throws SessionException {
        in.expect(JsonToken.START_ARRAY, "a token", "an array [text, logprob, alternatives, bytes]");
        String text = firstTwo(in, "a token");
        double logprob = readLogprob(in, "the token's logprob");
        List<Alternative> alternatives = List.of();
        byte[] bytes = null;
        if (in.nextElement()) {
            alternatives = new ArrayList<>();
            List<Alternative> into = alternatives;
            in.array("the token's alternatives", j -> into.add(readAlternative(in)));
            if (in.nextElement()) {
                bytes = readBytes(in, "the token's bytes");
                noMore(in, "a token", 4);
            }
        }
        return new Token(bytes == null ? Piece.of(text) : Piece.ofBytes(bytes), logprob, alternatives);
    }

    private static Alternative readAlternative(JsonInput in) throws SessionException {
        in.expect(JsonToken.START_ARRAY, "an alternative", "an array [text, logprob, bytes]");
        String text = firstTwo(in, "an alternative");
        double logprob = readLogprob(in, "the alternative's logprob");
        byte[] bytes = null;
        if (in.nextElement()) {
            bytes = readBytes(in, "the alternative's bytes");
            noMore(in, "an alternative", 3);
        }
        return new Alternative(bytes == null ? Piece.of(text) : Piece.ofBytes(bytes), logprob);
    }

    /** Reads the text and moves to the logprob, which every token and alternative has. */
    private static String firstTwo(JsonInput in, String what) throws SessionException {
        if (!in.nextElement()) {
            throw in.error(what + " needs at least its text and its logprob");
        }
        String text = in.string("the text of " + what);
        if (!in.nextElement()) {
            throw in.error(what + " needs at least its text and its logprob");
        }
        return text;
    }

    private static void noMore(JsonInput in, String what, int most) throws SessionException {
        if (in.nextElement()) {
            throw in.error(what + " has at most " + most + " elements");
        }
    }

    private static void writeLogprob(JsonGenerator g, double logprob) throws IOException {
        float value = (float) logprob; // the tree stores floats: writing the float keeps its exact bits
        if (Float.isNaN(value)) {
            g.writeNull();
        } else if (Float.isInfinite(value)) {
            g.writeString(value > 0 ? "Infinity" : "-Infinity");
        } else {
            g.writeNumber(value);
        }
    }

    private static double readLogprob(JsonInput in, String what) throws SessionException {
        switch (in.token()) {
            case VALUE_NULL:
                return Double.NaN;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return in.floatNumber(what);
            case VALUE_STRING:
                String text = in.text();
                if (text.equals("-Infinity")) {
                    return Double.NEGATIVE_INFINITY;
                }
                if (text.equals("Infinity")) {
                    return Double.POSITIVE_INFINITY;
                }
                throw in.expected(what, "a number, null, \"-Infinity\" or \"Infinity\"");
            default:
                throw in.expected(what, "a number, null, \"-Infinity\" or \"Infinity\"");
        }
    }

    static void writeBytesIfPartial(JsonGenerator g, Piece piece) throws IOException {
        if (piece.isComplete()) {
            return;
        }
        byte[] bytes = piece.bytes();
        g.writeStartArray();
        for (byte b : bytes) {
            g.writeNumber(b & 0xff);
        }
        g.writeEndArray();
    }

    static byte[] readBytes(JsonInput in, String what) throws SessionException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.array(what, i -> {
            int b = in.intValue("a byte of " + what);
            if (b < 0 || b > 255) {
                throw in.expected("a byte of " + what, "an integer from 0 to 255");
            }
            out.write(b);
        });
        return out.toByteArray();
    }
}
