package dev.weft.model.gguf;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorQuantDot}'s products for a batch of two or more vectors, blocked in registers: four
 * decoded rows times four vectors at a time, so each load of a row's chunk or a vector's chunk feeds
 * four multiply-adds instead of one (one vector at a time, four rows load five chunks per four
 * multiply-adds, and the loads bound it). Sixteen pairs of accumulators do not fit in the 32
 * registers, so the even chunks go in one pass and the odd ones in a second, and each pair is added
 * as {@link VectorQuantDot} adds it: per vector and row the same multiply-adds into the same two
 * accumulators in the same order, so a vector's result keeps its bits whatever the batch size.
 */
final class VectorBatchDot {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    private static final int SEGMENT = QuantDot.SEGMENT;
    private static final int ROWS = QuantDot.ROWS;

    private VectorBatchDot() {}

    /** {@link QuantDot#dot} for {@code x.count >= 2}. */
    static void dot(GgmlType type, byte[] bytes, int rows, int cols, Q8Activations activations, float[][] out,
            int first, QuantDot.Scratch scratch) {
        float[][] x = activations.dequantised;
        int count = activations.count;
        if (count <= 8 && FusedBatchDot.handles(type)) {
            // siblings: each weight unpacked in registers once per 8 (Q8_0) or 4 (Q4_K) vectors. Bigger batches (a prompt's 32
            // positions) go on below, where each weight is unpacked once for all and the vectors' chunks of a
            // segment stay in the first-level cache (a fused row reads all of every vector's values)
            FusedBatchDot.dot(type, bytes, rows, cols, x, count, out, first);
            return;
        }
        float[] w = scratch.floats;
        float[] sums = scratch.sums(count * ROWS * L);
        int paired = rows < ROWS ? 0 : count / 2 * 2 * ROWS * L; // the accumulators of vectors in blocks of 2 or 4
        float[] kept = kept(scratch, 2 * paired);
        int rowBytes = (int) type.bytesFor(cols);
        int perSegment = Math.max(type.blockSize(), SEGMENT);
        for (int seg = 0; seg < cols; seg += perSegment) {
            int len = Math.min(perSegment, cols - seg);
            int at = (int) type.bytesFor(seg);
            for (int q = 0; q < rows; q++) {
                VectorQuantDot.decode(type, bytes, q * rowBytes + at, len, w, q * SEGMENT);
            }
            if (seg > 0) {
                settle(kept, paired, sums); // the last segment's, long enough after their stores to read them back at once
            }
            if (rows < ROWS) {
                for (int b = 0; b < count; b++) {
                    for (int q = 0; q < rows; q++) {
                        oneByOne(w, q * SEGMENT, x[b], seg, len, sums, (b * ROWS + q) * L);
                    }
                }
                continue;
            }
            int b = 0;
            for (; b + 4 <= count; b += 4) {
                fourByFour(w, x[b], x[b + 1], x[b + 2], x[b + 3], seg, len, 0, kept, b * ROWS * L);
                fourByFour(w, x[b], x[b + 1], x[b + 2], x[b + 3], seg, len, L, kept, paired + b * ROWS * L);
            }
            for (; b + 2 <= count; b += 2) {
                fourByTwo(w, x[b], x[b + 1], seg, len, kept, b * ROWS * L, paired + b * ROWS * L);
            }
            for (; b < count; b++) {
                for (int q = 0; q < ROWS; q++) {
                    oneByOne(w, q * SEGMENT, x[b], seg, len, sums, (b * ROWS + q) * L);
                }
            }
        }
        settle(kept, paired, sums);
        for (int b = 0; b < count; b++) {
            for (int q = 0; q < rows; q++) {
                out[b][first + q] = FloatVector.fromArray(F, sums, (b * ROWS + q) * L).reduceLanes(VectorOperators.ADD);
            }
        }
    }

    /** The scratch's lanes, not cleared: every value is written before it is read. */
    private static float[] kept(QuantDot.Scratch scratch, int n) {
        if (scratch.lanes.length < n) {
            scratch.lanes = new float[n];
        }
        return scratch.lanes;
    }

    /**
     * Four rows times four vectors over the even chunks ({@code from == 0}) or the odd ones
     * ({@code from == L}), the sixteen accumulators kept from {@code kept[base]} for {@link #settle}.
     */
    private static void fourByFour(float[] w, float[] v0, float[] v1, float[] v2, float[] v3, int seg, int len,
            int from, float[] kept, int base) { // from: 0 or L
        FloatVector a0 = FloatVector.zero(F), a1 = FloatVector.zero(F), a2 = FloatVector.zero(F), a3 = FloatVector.zero(F);
        FloatVector b0 = FloatVector.zero(F), b1 = FloatVector.zero(F), b2 = FloatVector.zero(F), b3 = FloatVector.zero(F);
        FloatVector c0 = FloatVector.zero(F), c1 = FloatVector.zero(F), c2 = FloatVector.zero(F), c3 = FloatVector.zero(F);
        FloatVector d0 = FloatVector.zero(F), d1 = FloatVector.zero(F), d2 = FloatVector.zero(F), d3 = FloatVector.zero(F);
        for (int i = from; i < len; i += 2 * L) {
            FloatVector x0 = FloatVector.fromArray(F, v0, seg + i);
            FloatVector x1 = FloatVector.fromArray(F, v1, seg + i);
            FloatVector x2 = FloatVector.fromArray(F, v2, seg + i);
            FloatVector x3 = FloatVector.fromArray(F, v3, seg + i);
            FloatVector r = FloatVector.fromArray(F, w, i);
            a0 = r.fma(x0, a0);
            a1 = r.fma(x1, a1);
            a2 = r.fma(x2, a2);
            a3 = r.fma(x3, a3);
            r = FloatVector.fromArray(F, w, SEGMENT + i);
            b0 = r.fma(x0, b0);
            b1 = r.fma(x1, b1);
            b2 = r.fma(x2, b2);
            b3 = r.fma(x3, b3);
            r = FloatVector.fromArray(F, w, 2 * SEGMENT + i);
            c0 = r.fma(x0, c0);
            c1 = r.fma(x1, c1);
            c2 = r.fma(x2, c2);
            c3 = r.fma(x3, c3);
            r = FloatVector.fromArray(F, w, 3 * SEGMENT + i);
            d0 = r.fma(x0, d0);
            d1 = r.fma(x1, d1);
            d2 = r.fma(x2, d2);
            d3 = r.fma(x3, d3);
        }
        // vector k, row q: accumulator (a..d)[q][k], kept in the order of sums
        int at = base;
        a0.intoArray(kept, at);
        b0.intoArray(kept, at + L);
        c0.intoArray(kept, at + 2 * L);
        d0.intoArray(kept, at + 3 * L);
        a1.intoArray(kept, at + 4 * L);
        b1.intoArray(kept, at + 5 * L);
        c1.intoArray(kept, at + 6 * L);
        d1.intoArray(kept, at + 7 * L);
        a2.intoArray(kept, at + 8 * L);
        b2.intoArray(kept, at + 9 * L);
        c2.intoArray(kept, at + 10 * L);
        d2.intoArray(kept, at + 11 * L);
        a3.intoArray(kept, at + 12 * L);
        b3.intoArray(kept, at + 13 * L);
        c3.intoArray(kept, at + 14 * L);
        d3.intoArray(kept, at + 15 * L);
    }

    /**
     * {@code sums[i] += even[i] + odd[i]} for the accumulators of the blocked vectors, the even
     * chunks' kept from {@code kept[0]} and the odd chunks' from {@code kept[paired]} in the order
     * of {@code sums}: each row's pair added as {@link VectorQuantDot} adds it. A separate pass: C2
     * stops inlining the Vector API's calls in a kernel the size of {@link #fourByFour}, and a call
     * it does not inline boxes its vectors.
     */
    private static void settle(float[] kept, int paired, float[] sums) {
        for (int i = 0; i < paired; i += L) {
            FloatVector even = FloatVector.fromArray(F, kept, i);
            FloatVector odd = FloatVector.fromArray(F, kept, paired + i);
            FloatVector.fromArray(F, sums, i).add(even.add(odd)).intoArray(sums, i);
        }
    }

    /** Four rows times two vectors, both chunks of a pair at once: sixteen accumulators, kept as {@link #fourByFour} keeps them. */
    private static void fourByTwo(float[] w, float[] v0, float[] v1, int seg, int len, float[] kept, int base, int odd) {
        FloatVector a0 = FloatVector.zero(F), a1 = FloatVector.zero(F), e0 = FloatVector.zero(F), e1 = FloatVector.zero(F);
        FloatVector b0 = FloatVector.zero(F), b1 = FloatVector.zero(F), f0 = FloatVector.zero(F), f1 = FloatVector.zero(F);
        FloatVector c0 = FloatVector.zero(F), c1 = FloatVector.zero(F), g0 = FloatVector.zero(F), g1 = FloatVector.zero(F);
        FloatVector d0 = FloatVector.zero(F), d1 = FloatVector.zero(F), h0 = FloatVector.zero(F), h1 = FloatVector.zero(F);
        for (int i = 0; i < len; i += 2 * L) {
            FloatVector x0 = FloatVector.fromArray(F, v0, seg + i);
            FloatVector y0 = FloatVector.fromArray(F, v0, seg + i + L);
            FloatVector x1 = FloatVector.fromArray(F, v1, seg + i);
            FloatVector y1 = FloatVector.fromArray(F, v1, seg + i + L);
            FloatVector r = FloatVector.fromArray(F, w, i);
            FloatVector s = FloatVector.fromArray(F, w, i + L);
            a0 = r.fma(x0, a0);
            e0 = s.fma(y0, e0);
            a1 = r.fma(x1, a1);
            e1 = s.fma(y1, e1);
            r = FloatVector.fromArray(F, w, SEGMENT + i);
            s = FloatVector.fromArray(F, w, SEGMENT + i + L);
            b0 = r.fma(x0, b0);
            f0 = s.fma(y0, f0);
            b1 = r.fma(x1, b1);
            f1 = s.fma(y1, f1);
            r = FloatVector.fromArray(F, w, 2 * SEGMENT + i);
            s = FloatVector.fromArray(F, w, 2 * SEGMENT + i + L);
            c0 = r.fma(x0, c0);
            g0 = s.fma(y0, g0);
            c1 = r.fma(x1, c1);
            g1 = s.fma(y1, g1);
            r = FloatVector.fromArray(F, w, 3 * SEGMENT + i);
            s = FloatVector.fromArray(F, w, 3 * SEGMENT + i + L);
            d0 = r.fma(x0, d0);
            h0 = s.fma(y0, h0);
            d1 = r.fma(x1, d1);
            h1 = s.fma(y1, h1);
        }
        a0.intoArray(kept, base);
        b0.intoArray(kept, base + 1 * L);
        c0.intoArray(kept, base + 2 * L);
        d0.intoArray(kept, base + 3 * L);
        a1.intoArray(kept, base + 4 * L);
        b1.intoArray(kept, base + 5 * L);
        c1.intoArray(kept, base + 6 * L);
        d1.intoArray(kept, base + 7 * L);
        e0.intoArray(kept, odd);
        f0.intoArray(kept, odd + 1 * L);
        g0.intoArray(kept, odd + 2 * L);
        h0.intoArray(kept, odd + 3 * L);
        e1.intoArray(kept, odd + 4 * L);
        f1.intoArray(kept, odd + 5 * L);
        g1.intoArray(kept, odd + 6 * L);
        h1.intoArray(kept, odd + 7 * L);
    }

    private static void add(float[] sums, int so, FloatVector evenChunks, FloatVector oddChunks) {
        FloatVector.fromArray(F, sums, so).add(evenChunks.add(oddChunks)).intoArray(sums, so);
    }

    /** One row times one vector, as {@link VectorQuantDot} multiplies them. */
    private static void oneByOne(float[] w, int wo, float[] v, int seg, int len, float[] sums, int so) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        for (int i = 0; i < len; i += 2 * L) {
            a0 = FloatVector.fromArray(F, w, wo + i).fma(FloatVector.fromArray(F, v, seg + i), a0);
            a1 = FloatVector.fromArray(F, w, wo + i + L).fma(FloatVector.fromArray(F, v, seg + i + L), a1);
        }
        add(sums, so, a0, a1);
    }
}
