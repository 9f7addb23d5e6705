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
 * each write's thread CPU time, which a shared machine's load does not inflate, and its wall time.
 * Usage: {@code SaveWarm FILE OUT [N]}.
 */
public final class SaveWarm {
    private SaveWarm() {}

    public static void main(String[] args) throws Exception {
        Session session = SessionFile.read(Path.of(args[0]));
        Path out = Path.of(args[1]);
        int times = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 1; i <= times; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            SessionFile.write(out, session);
            System.out.printf("save %d: thread CPU %d ms, wall %d ms, %d bytes%n", i,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, (System.nanoTime() - wall) / 1_000_000,
                    Files.size(out));
        }
    }
}
