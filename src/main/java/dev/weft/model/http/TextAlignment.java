package dev.weft.model.http;

import dev.weft.loom.Alternative;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The server's text is the truth: what one choice generated is the text the server returned
 * ({@code text}, {@code response}, {@code delta.content}, {@code content}), and the token pieces
 * it listed are attached to spans of that text by comparing their bytes with it, never by offsets.
 *
 * <p>A piece that spells the next bytes of the text is kept as it is. Pieces that do not (a
 * U+FFFD stand-in for part of a character, a BOS token's text that the text does not contain,
 * a token of a stop string the server cut off, an empty entry) never replace or extend the text:
 * a run of them that covers some text becomes one token holding that text, scored with the sum
 * of their logprobs and counted as {@link #markedSpans() marked}; a run that covers no text is
 * dropped. Text that no piece covers is kept unscored.
 *
 * <p>Streams arrive in pieces: {@link #add} returns the tokens that are settled so far and holds
 * back what the next event may still explain; {@link #finish} settles the rest. Not thread-safe:
 * one per choice.
 */
public final class TextAlignment {
    private byte[] text = new byte[64];
    private int start;
    private int end;
    private final Deque<Token> pending = new ArrayDeque<>();
    private int markedSpans;
    private int droppedPieces;

    /**
     * Adds one event's text and pieces and returns the tokens now settled, in order.
     *
     * @param serverText what the server says was generated in this event ("" when nothing)
     * @param pieces     the token entries the server listed in this event
     */
    public List<Token> add(String serverText, List<Token> pieces) {
        append(serverText.getBytes(StandardCharsets.UTF_8));
        pending.addAll(pieces);
        List<Token> out = new ArrayList<>();
        settle(out, false);
        if (pieces.isEmpty() && pending.isEmpty() && end > start) {
            out.add(unscored(take(end - start))); // the server sent text without logprobs
        }
        return out;
    }

    /** The choice is over: every piece still held is attached or dropped, and leftover text kept unscored. */
    public List<Token> finish() {
        List<Token> out = new ArrayList<>();
        settle(out, true);
        if (end > start) {
            out.add(unscored(take(end - start)));
        }
        return out;
    }

    /** Aligns a whole response at once. */
    public static List<Token> align(String serverText, List<Token> pieces) {
        TextAlignment a = new TextAlignment();
        List<Token> out = new ArrayList<>(a.add(serverText, pieces));
        out.addAll(a.finish());
        return out;
    }

    /** Runs of pieces that did not spell the text they cover, each kept as one token of the server's text. */
    public int markedSpans() {
        return markedSpans;
    }

    /** Non-empty pieces dropped because they covered no text (BOS, stop string, past the end). */
    public int droppedPieces() {
        return droppedPieces;
    }

    private void settle(List<Token> out, boolean finishing) {
        while (true) {
            dropEmpty();
            Token head = pending.peekFirst();
            if (head == null) {
                return;
            }
            byte[] piece = head.piece().bytes();
            int have = end - start;
            if (matchesAt(start, piece)) {
                take(piece.length);
                out.add(pending.pollFirst());
                continue;
            }
            if (!finishing && have < piece.length && startsWith(piece, have)) {
                return; // the rest of its text has not arrived yet
            }
            int[] resync = resync();
            if (resync == null) {
                if (!finishing) {
                    return; // what follows may still show where this run ends
                }
                resync = new int[] {pending.size() - 1, have};
            }
            span(out, resync[0] + 1, resync[1]);
        }
    }

    /**
     * Where a run of pieces that do not match ends: the first later piece found in the text, as
     * {last piece of the run, bytes of text it covers}; null when no later piece is found yet.
     */
    private int[] resync() {
        Token[] held = pending.toArray(new Token[0]);
        for (int m = 0; m + 1 < held.length; m++) {
            byte[] next = held[m + 1].piece().bytes();
            if (next.length == 0) {
                continue;
            }
            for (int p = start; p + next.length <= end; p++) {
                if (matchesAt(p, next)) {
                    return new int[] {m, p - start};
                }
            }
        }
        return null;
    }

    /** The first {@code count} pieces cover the next {@code bytes} bytes of text. */
    private void span(List<Token> out, int count, int bytes) {
        List<Token> run = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            run.add(pending.pollFirst());
        }
        if (bytes == 0) {
            droppedPieces += run.size();
            return;
        }
        double logprob = 0;
        for (Token t : run) {
            logprob += t.logprob(); // NaN when any of them is unscored: the span's score is then unknown
        }
        List<Alternative> top = run.get(0).top(); // the alternatives at the span's first position
        markedSpans++;
        out.add(new Token(Piece.ofBytes(take(bytes)), logprob, top));
    }

    private void dropEmpty() {
        while (!pending.isEmpty() && pending.peekFirst().piece().byteLength() == 0) {
            pending.pollFirst(); // an empty entry spells nothing (llama.cpp's held-back stop-word tokens)
        }
    }

    private boolean matchesAt(int at, byte[] piece) {
        if (piece.length == 0 || at + piece.length > end) {
            return false;
        }
        return Arrays.equals(text, at, at + piece.length, piece, 0, piece.length);
    }

    /** True when the first {@code have} bytes of {@code piece} are the text still uncovered. */
    private boolean startsWith(byte[] piece, int have) {
        return Arrays.equals(text, start, start + have, piece, 0, have);
    }

    private void append(byte[] more) {
        if (end + more.length > text.length) {
            int live = end - start;
            byte[] grown = live + more.length > text.length / 2 ? new byte[Math.max(text.length * 2, live + more.length)] : text;
            System.arraycopy(text, start, grown, 0, live);
            text = grown;
            start = 0;
            end = live;
        }
        System.arraycopy(more, 0, text, end, more.length);
        end += more.length;
    }

    private byte[] take(int count) {
        byte[] out = Arrays.copyOfRange(text, start, start + count);
        start += count;
        return out;
    }

    private static Token unscored(byte[] bytes) {
        return new Token(Piece.ofBytes(bytes), Double.NaN, List.of());
    }
}
