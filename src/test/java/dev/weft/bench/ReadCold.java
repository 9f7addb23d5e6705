package dev.weft.bench;

import dev.weft.session.Session;
import dev.weft.session.SessionFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * One read of a session file in a fresh JVM, as a start does it: the view's path only
 * ({@code path}, what the first frame needs) or the whole file ({@code whole}). Prints the
 * reading thread's CPU time, which a shared machine's load does not inflate, and the wall time.
 * Usage: {@code ReadCold FILE path|whole}.
 */
public final class ReadCold {
    private ReadCold() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        boolean path = args[1].equals("path");
        Session s = path ? SessionFile.readViewPath(Path.of(args[0])) : SessionFile.read(Path.of(args[0]));
        System.out.printf("%s: %s, thread CPU %d ms, wall %d ms%n", args[1],
                s == null ? "the file does not start with its view's path" : s.loom().size() + " nodes",
                (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, (System.nanoTime() - wall) / 1_000_000);
    }
}
