package dev.weft.bench;

import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.session.Session;
import dev.weft.session.SessionBackends;
import dev.weft.session.SessionFile;
import dev.weft.session.SessionView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The 100,000-node session of {@link SessionBench} as a file, for the whole-process benchmarks
 * (src/test/bench/bench.py); with {@code --time N} also saves and reads it N times in this process and
 * prints min/median/max of each. Usage: {@code BigSession FILE [--time N]}.
 */
public final class BigSession {
    private BigSession() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Loom loom = SessionBench.tree(SessionBench.NODES, SessionBench.TOKENS_PER_NODE, SessionBench.ALTERNATIVES, 42);
        Instant created = Instant.parse("2024-05-01T12:00:00Z");
        // the read view down a deep path, as a user leaves it: what reopening shows first
        NodeId end = loom.roots().get(0);
        while (!loom.liveChildren(end).isEmpty()) {
            List<NodeId> children = loom.liveChildren(end);
            end = children.get(children.size() - 1);
        }
        Session session = new Session(created, created, 0, SessionBackends.NONE,
                SessionView.START.at(end, 0).withSetting("path-end", Integer.toString(end.value())), loom);
        SessionFile.write(file, session);
        Files.deleteIfExists(SessionFile.journalOf(file)); // a journal of an earlier file would replay onto this one
        System.out.printf("%s: %,d nodes, %,d tokens, %,d bytes%n", file, loom.size(), loom.tokenCount(), Files.size(file));
        int runs = args.length > 2 && args[1].equals("--time") ? Integer.parseInt(args[2]) : 0;
        List<Long> saves = new ArrayList<>();
        List<Long> reads = new ArrayList<>();
        List<Long> paths = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            SessionFile.write(file, session);
            long t1 = System.nanoTime();
            SessionFile.read(file);
            long t2 = System.nanoTime();
            SessionFile.readViewPath(file);
            paths.add(System.nanoTime() - t2);
            saves.add(t1 - t0);
            reads.add(t2 - t1);
        }
        if (runs > 0) {
            System.out.println("save (write, fsync, rename) ms: " + spread(saves));
            System.out.println("read (parse, check, build the loom) ms: " + spread(reads));
            System.out.println("read the view's path only (what the first frame needs) ms: " + spread(paths));
        }
    }

    private static String spread(List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        return String.format("min %d / median %d / max %d (n=%d)", s.get(0) / 1_000_000, s.get(s.size() / 2) / 1_000_000,
                s.get(s.size() - 1) / 1_000_000, s.size());
    }
}
