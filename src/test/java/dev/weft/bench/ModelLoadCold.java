package dev.weft.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.weft.model.embedded.EmbeddedModel;
import java.lang.management.ManagementFactory;

/**
 * Loads the default embedded model from the user's cache in a fresh JVM, as the loom does behind
 * its first frame (and as {@code g} waits for): prints the wall time and the process's CPU time
 * (all threads, the JVM's start included), which a shared machine's load inflates less.
 * Usage: {@code java -XX:+UseSerialGC -cp target/weft.jar:target/test-classes dev.weft.bench.ModelLoadCold}.
 */
public final class ModelLoadCold {
    private ModelLoadCold() {}

    public static void main(String[] args) throws Exception {
        long wall = System.nanoTime();
        EmbeddedModel model = EmbeddedModel.openDefault();
        long elapsed = System.nanoTime() - wall;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("%s (from cache: %s): wall %d ms, process CPU %d ms%n", model.model(),
                model.loadReport().fromCache(), elapsed / 1_000_000, os.getProcessCpuTime() / 1_000_000);
    }
}
