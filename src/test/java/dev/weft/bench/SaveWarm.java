package dev.weft.bench;

import dev.weft.session.Session;
import dev.weft.session.SessionFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A save as the loom makes one, off its UI thread in a warm JVM: reads FILE once, then writes it
 * {@code N} times (default 6) to OUT (the whole atomic write: temp file, fsync, rename) and prints
 * each write's thread CPU time, which a shared machine's load does not inflate, its wall time and
 * what it allocated (a save's garbage lands in the young generation while the user types).
 * Usage: {@code SaveWarm FILE OUT [N]}.
 */
public final class SaveWarm {
    private SaveWarm() {}

    /** Bytes the thread allocated so far, or 0 where the JVM does not count them. */
    private static long allocated(ThreadMXBean threads, long thread) {
        return threads instanceof com.sun.management.ThreadMXBean counting ? counting.getThreadAllocatedBytes(thread) : 0;
    }

    public static void main(String[] args) throws Exception {
        Session session = SessionFile.read(Path.of(args[0]));
        Path out = Path.of(args[1]);
        int times = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        for (int i = 1; i <= times; i++) {
            long allocated = allocated(threads, me);
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            SessionFile.write(out, session);
            System.out.printf("save %d: thread CPU %d ms, wall %d ms, allocated %.1f MB, %d bytes%n", i,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, (System.nanoTime() - wall) / 1_000_000,
                    (allocated(threads, me) - allocated) / 1e6, Files.size(out));
        }
    }
}
