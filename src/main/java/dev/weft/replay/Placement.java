package dev.weft.replay;

import dev.weft.loom.Piece;
import dev.weft.loom.TokenRun;
import dev.weft.loom.Utf8;
import java.util.Arrays;

/**
 * Where a position recorded in a node of one tree falls in the corresponding node of another,
 * whose model may have written other text. A position is <em>exact</em> when the text before it
 * is the same and the other node has a token boundary there; otherwise it is <em>moved</em> to the
 * same token index, so the exploration keeps its shape; {@code null} when even that is missing.
 *
 * @param index the token index in the other node
 * @param exact true when the text up to the position is the same
 */
public record Placement(int index, boolean exact) {

    /** Chars {@code [start, end)} of a node's text. */
    public record Span(int start, int end) {}

    /** Where token {@code index} of {@code from} falls in {@code to}, or null when {@code to} has no such token. */
    public static Placement ofToken(TokenRun from, int index, TokenRun to) {
        byte[] before = from.bytes();
        int offset = from.byteOffsets()[index];
        byte[] other = to.bytes();
        if (offset <= other.length && Arrays.equals(before, 0, offset, other, 0, offset)) {
            int found = Arrays.binarySearch(to.byteOffsets(), offset);
            if (found >= 0 && found < to.size()) {
                return new Placement(found, true);
            }
        }
        return index < to.size() ? new Placement(index, false) : null;
    }

    /**
     * The alternative of token {@code at} in {@code to} that spells {@code wanted}; else the one of
     * the same rank, {@code rank}, marked not exact; null when {@code to} reports no alternative there.
     */
    public static Placement ofAlternative(Piece wanted, int rank, TokenRun to, int at) {
        int count = to.alternativeCount(at);
        for (int j = 0; j < count; j++) {
            if (to.alternative(at, j).piece().equals(wanted)) {
                return new Placement(j, true);
            }
        }
        return count == 0 ? null : new Placement(Math.min(rank, count - 1), false);
    }

    /**
     * Chars {@code [start, end)} of node text {@code from} carried to node text {@code to}, as an
     * edit re-applied there. When the text before {@code start} is the same, the same chars;
     * otherwise the edit starts in the same token, as far into it as the recorded one did (so the
     * branch hangs at the same place in both trees). An edit to the end stays to the end, and the
     * span is clamped to the other text, so an edit always lands. Never splits a surrogate pair.
     */
    public static Span ofSpan(TokenRun from, int start, int end, TokenRun to) {
        Utf8.Decoded was = Utf8.decode(from.bytes());
        Utf8.Decoded now = Utf8.decode(to.bytes());
        String before = was.text();
        String after = now.text();
        int newStart;
        if (after.startsWith(before.substring(0, start))) {
            newStart = start;
        } else {
            int token = tokenAtChar(was, from, start);
            int into = start - charStart(was, from, token);
            newStart = token >= to.size() ? after.length()
                    : Math.min(charStart(now, to, token) + into, charStart(now, to, token + 1) - 1);
        }
        newStart = clamp(after, Math.max(0, Math.min(newStart, after.length())));
        int newEnd = end == before.length() ? after.length() : Math.min(after.length(), newStart + (end - start));
        return new Span(newStart, clamp(after, newEnd));
    }

    /** The token holding char {@code at}; the token count when {@code at} is the end. */
    private static int tokenAtChar(Utf8.Decoded text, TokenRun run, int at) {
        for (int i = 0; i < run.size(); i++) {
            if (charStart(text, run, i + 1) > at) {
                return i;
            }
        }
        return run.size();
    }

    /** The char where token {@code i} starts; the text length for i = size. */
    private static int charStart(Utf8.Decoded text, TokenRun run, int i) {
        return text.charAt()[run.byteOffsets()[i]];
    }

    private static int clamp(String text, int offset) {
        boolean insidePair = offset > 0 && offset < text.length() && Character.isLowSurrogate(text.charAt(offset));
        return insidePair ? offset - 1 : offset;
    }
}
