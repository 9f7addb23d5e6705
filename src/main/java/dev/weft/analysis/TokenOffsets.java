package dev.weft.analysis;

import dev.weft.loom.TokenRun;
import dev.weft.loom.Utf8;

/** Where each token of a run starts in its decoded text: token boundaries are bytes, sentences are chars. */
final class TokenOffsets {
    private TokenOffsets() {}

    /** Char offset of each token's start, plus the text length at the end (length size()+1). */
    static int[] charStarts(TokenRun run) {
        int[] charAt = Utf8.decode(run.bytes()).charAt();
        int[] bytes = run.byteOffsets();
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = charAt[bytes[i]];
        }
        return out;
    }

    /** The token holding char {@code offset}; the run's size when the offset is at or past the end. */
    static int tokenAt(TokenRun run, int offset) {
        int[] starts = charStarts(run);
        for (int i = 0; i < run.size(); i++) {
            if (starts[i + 1] > offset) {
                return i;
            }
        }
        return run.size();
    }
}
