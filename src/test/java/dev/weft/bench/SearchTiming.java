package dev.weft.bench;

import dev.weft.loom.Loom;
import dev.weft.loom.TextIndex;
import dev.weft.tui.state.Effect;
import dev.weft.tui.update.Searching;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Search over the 100,000-node tree of {@link SessionBench}, as the loom runs it off the UI
 * thread: the first search builds the index, later ones reuse it (min/median/max of 20).
 */
public final class SearchTiming {
    private SearchTiming() {}

    public static void main(String[] args) {
        Loom loom = SessionBench.tree(SessionBench.NODES, SessionBench.TOKENS_PER_NODE, SessionBench.ALTERNATIVES, 42);
        TextIndex index = new TextIndex();
        long t0 = System.nanoTime();
        int found = Searching.find(index, new Effect.Search(1, "w1a", loom, loom.roots().get(0))).matches().size();
        System.out.printf("first search (indexes the tree): %d ms, %,d matches%n", (System.nanoTime() - t0) / 1_000_000, found);
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Long> times = new ArrayList<>();
        List<Long> cpuTimes = new ArrayList<>();
        String[] queries = {"w2", "W3b", "w10", "zzz"};
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            long c = cpu.getCurrentThreadCpuTime();
            Searching.find(index, new Effect.Search(i, queries[i % queries.length], loom, loom.roots().get(0)));
            times.add((System.nanoTime() - t) / 1_000_000);
            cpuTimes.add((cpu.getCurrentThreadCpuTime() - c) / 1_000_000);
        }
        Collections.sort(times);
        Collections.sort(cpuTimes);
        System.out.printf("later searches: wall min %d / median %d / max %d ms; CPU of the searching thread min %d / median %d"
                + " / max %d ms (n=20; the machine's load makes wall time longer than CPU time)%n", times.get(0), times.get(10),
                times.get(19), cpuTimes.get(0), cpuTimes.get(10), cpuTimes.get(19));
    }
}
