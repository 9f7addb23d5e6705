package dev.weft.loom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable run of tokens stored column-wise: one array of interned pieces, one of
 * float logprobs (NaN = unscored), and the alternatives flattened into two parallel
 * arrays with per-token offsets. About 52 bytes per token with top-5 alternatives.
 */
public final class TokenRun {
    public static final TokenRun EMPTY = new TokenRun(new Piece[0], new float[0], null, new Piece[0], new float[0]);

    private final Piece[] pieces;
    private final float[] logprobs;
    /** altStart[i]..altStart[i+1] index the alternatives of token i; null when there are none. */
    private final int[] altStart;
    private final Piece[] altPieces;
    private final float[] altLogprobs;

    private TokenRun(Piece[] pieces, float[] logprobs, int[] altStart, Piece[] altPieces, float[] altLogprobs) {
        this.pieces = pieces;
        this.logprobs = logprobs;
        this.altStart = altStart;
        this.altPieces = altPieces;
        this.altLogprobs = altLogprobs;
    }

    public static TokenRun of(List<Token> tokens) {
        int n = tokens.size();
        Piece[] pieces = new Piece[n];
        float[] logprobs = new float[n];
        int alts = 0;
        for (Token t : tokens) {
            alts += t.top().size();
        }
        int[] altStart = alts == 0 ? null : new int[n + 1];
        Piece[] altPieces = new Piece[alts];
        float[] altLogprobs = new float[alts];
        int a = 0;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            pieces[i] = t.piece();
            logprobs[i] = (float) t.logprob();
            if (altStart != null) {
                altStart[i] = a;
            }
            for (Alternative alt : t.top()) {
                altPieces[a] = alt.piece();
                altLogprobs[a] = (float) alt.logprob();
                a++;
            }
        }
        if (altStart != null) {
            altStart[n] = a;
        }
        return new TokenRun(pieces, logprobs, altStart, altPieces, altLogprobs);
    }

    /**
     * A run from its columns, as a compact file stores them (the arrays are taken, not copied):
     * {@code altStart} has one entry per token plus one, non-decreasing from 0 to the number of
     * alternatives, or is null when no token has any.
     */
    public static TokenRun ofColumns(Piece[] pieces, float[] logprobs, int[] altStart, Piece[] altPieces,
                                     float[] altLogprobs) {
        int n = pieces.length;
        if (logprobs.length != n || altPieces.length != altLogprobs.length) {
            throw new IllegalArgumentException("columns of different lengths");
        }
        if (altStart == null) {
            if (altPieces.length != 0) {
                throw new IllegalArgumentException("alternatives without their offsets");
            }
        } else {
            if (altStart.length != n + 1 || altStart[0] != 0 || altStart[n] != altPieces.length) {
                throw new IllegalArgumentException("alternative offsets do not cover the alternatives");
            }
            for (int i = 0; i < n; i++) {
                if (altStart[i + 1] < altStart[i]) {
                    throw new IllegalArgumentException("a token with a negative number of alternatives");
                }
            }
        }
        return n == 0 ? EMPTY : new TokenRun(pieces, logprobs, altPieces.length == 0 ? null : altStart, altPieces, altLogprobs);
    }

    public static TokenRun of(Token... tokens) {
        return of(List.of(tokens));
    }

    /** Typed text as a single unscored token. */
    public static TokenRun unscored(String text) {
        return text.isEmpty() ? EMPTY : of(Token.unscored(text));
    }

    public int size() {
        return pieces.length;
    }

    public boolean isEmpty() {
        return pieces.length == 0;
    }

    public Piece piece(int i) {
        return pieces[i];
    }

    /** The logprob as stored (float precision), NaN when unscored. */
    public double logprob(int i) {
        return logprobs[i];
    }

    public int alternativeCount(int i) {
        return altStart == null ? 0 : altStart[i + 1] - altStart[i];
    }

    public Alternative alternative(int i, int j) {
        if (j < 0 || j >= alternativeCount(i)) {
            throw new IndexOutOfBoundsException("token " + i + " has no alternative " + j);
        }
        int k = altStart[i] + j;
        return new Alternative(altPieces[k], altLogprobs[k]);
    }

    /** How many alternatives all tokens have together. */
    public int alternativeTotal() {
        return altPieces.length;
    }

    /**
     * The piece of alternative {@code k} of all, counted token by token in rank order (a writer's
     * loop over a million of them without an {@link Alternative} each).
     */
    public Piece alternativePiece(int k) {
        return altPieces[k];
    }

    /** The logprob of alternative {@code k} of all, as stored; see {@link #alternativePiece}. */
    public float alternativeLogprob(int k) {
        return altLogprobs[k];
    }

    public List<Alternative> alternatives(int i) {
        int count = alternativeCount(i);
        List<Alternative> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            out.add(alternative(i, j));
        }
        return out;
    }

    public Token token(int i) {
        return new Token(pieces[i], logprobs[i], alternatives(i));
    }

    public List<Token> tokens() {
        List<Token> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(token(i));
        }
        return out;
    }

    public TokenRun slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + size());
        }
        if (from == 0 && to == size()) {
            return this;
        }
        int[] starts = null;
        Piece[] ap = new Piece[0];
        float[] al = new float[0];
        if (altStart != null) {
            int a0 = altStart[from];
            int a1 = altStart[to];
            starts = new int[to - from + 1];
            for (int i = from; i <= to; i++) {
                starts[i - from] = altStart[i] - a0;
            }
            ap = Arrays.copyOfRange(altPieces, a0, a1);
            al = Arrays.copyOfRange(altLogprobs, a0, a1);
        }
        return new TokenRun(Arrays.copyOfRange(pieces, from, to), Arrays.copyOfRange(logprobs, from, to),
                starts, ap, al);
    }

    /** This run followed by {@code more}: array copies, so streaming a node token by token stays cheap. */
    public TokenRun append(TokenRun more) {
        if (more.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return more;
        }
        int n = size();
        int m = more.size();
        Piece[] pieces2 = Arrays.copyOf(pieces, n + m);
        System.arraycopy(more.pieces, 0, pieces2, n, m);
        float[] logprobs2 = Arrays.copyOf(logprobs, n + m);
        System.arraycopy(more.logprobs, 0, logprobs2, n, m);
        int[] starts = null;
        if (altStart != null || more.altStart != null) {
            starts = new int[n + m + 1];
            int[] mine = normalisedStarts();
            int[] theirs = more.normalisedStarts();
            System.arraycopy(mine, 0, starts, 0, n + 1);
            for (int i = 1; i <= m; i++) {
                starts[n + i] = mine[n] + theirs[i];
            }
        }
        Piece[] altPieces2 = Arrays.copyOf(altPieces, altPieces.length + more.altPieces.length);
        System.arraycopy(more.altPieces, 0, altPieces2, altPieces.length, more.altPieces.length);
        float[] altLogprobs2 = Arrays.copyOf(altLogprobs, altLogprobs.length + more.altLogprobs.length);
        System.arraycopy(more.altLogprobs, 0, altLogprobs2, altLogprobs.length, more.altLogprobs.length);
        return new TokenRun(pieces2, logprobs2, starts, altPieces2, altLogprobs2);
    }

    /** The raw bytes of all tokens, concatenated. */
    public byte[] bytes() {
        int total = 0;
        for (Piece p : pieces) {
            total += p.byteLength();
        }
        byte[] out = new byte[total];
        int offset = 0;
        for (Piece p : pieces) {
            offset = p.copyBytes(out, offset);
        }
        return out;
    }

    /** The text, decoded from the joined bytes so that partial UTF-8 joins across tokens. */
    public String text() {
        return Utf8.decode(bytes()).text();
    }

    /** Byte offset where each token starts, plus the total at the end (length size()+1). */
    public int[] byteOffsets() {
        int[] out = new int[size() + 1];
        for (int i = 0; i < size(); i++) {
            out[i + 1] = out[i] + pieces[i].byteLength();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenRun r && Arrays.equals(pieces, r.pieces)
                && Arrays.equals(logprobs, r.logprobs)
                && Arrays.equals(altPieces, r.altPieces) && Arrays.equals(altLogprobs, r.altLogprobs)
                && Arrays.equals(normalisedStarts(), r.normalisedStarts());
    }

    private int[] normalisedStarts() {
        return altStart == null ? new int[size() + 1] : altStart;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pieces) * 31 + Arrays.hashCode(logprobs);
    }

    @Override
    public String toString() {
        return "TokenRun" + tokens();
    }
}
