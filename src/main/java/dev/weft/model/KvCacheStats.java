package dev.weft.model;

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

    /**
     * "kv 87% · 12 MB" for a status bar: the hit rate and the memory held ("kv 0 MB" before
     * anything was asked of the cache).
     */
    public String brief() {
        String use = megabytes(bytes) + " MB";
        return reused + computed == 0 ? "kv " + use
                : String.format(Locale.ROOT, "kv %.0f%% · %s", 100 * hitRate(), use);
    }

    /** Megabytes, with a decimal below 10 (a few short paths hold well under one). */
    private static String megabytes(long bytes) {
        double mb = bytes / 1048576.0;
        return mb < 10 && bytes > 0 ? String.format(Locale.ROOT, "%.1f", mb) : String.format(Locale.ROOT, "%.0f", mb);
    }
}
