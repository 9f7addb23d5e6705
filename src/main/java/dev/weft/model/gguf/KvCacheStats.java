package dev.weft.model.gguf;

import java.util.Locale;

/**
 * What the in-process model's key/value cache holds and how often it helped: positions and blocks
 * stored, their bytes against the budget, positions reused from the cache and positions computed.
 */
public record KvCacheStats(long positions, int blocks, long bytes, long budget, long reused, long computed,
                           long evictedBlocks) {

    /** Share of the positions asked for that came from the cache, 0..1. */
    public double hitRate() {
        return reused + computed == 0 ? 0 : (double) reused / (reused + computed);
    }

    /** "kv cache 12.3 of 512 MB, 1830 positions in 64 blocks, hit rate 87% (4096 reused, 610 computed)" */
    public String summary() {
        return String.format(Locale.ROOT, "kv cache %.1f of %.0f MB, %d positions in %d blocks, hit rate %.0f%%"
                        + " (%d reused, %d computed)%s", bytes / 1048576.0, budget / 1048576.0, positions, blocks,
                100 * hitRate(), reused, computed, evictedBlocks > 0 ? ", " + evictedBlocks + " blocks evicted" : "");
    }

    /** "kv 87% · 12 MB" for a status bar: the hit rate and the memory held. */
    public String brief() {
        return String.format(Locale.ROOT, "kv %.0f%% · %.0f MB", 100 * hitRate(), bytes / 1048576.0);
    }
}
