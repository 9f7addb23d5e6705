package dev.weft.tui;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One collection once every load the start runs behind the first frame is done (the embedded
 * model, the rest of a big session): it moves what they made to keep out of the young generation
 * while no key waits. Without it the first young collections during keys copy those objects
 * (tens of MB after a 100,000-node session: its last nodes, the tree view's rows), object by
 * object, and the keys they interrupt wait tens of milliseconds (README, Benchmarks). One
 * collection after the last load, not one after each: a full collection of a big session's
 * heap takes a few hundred milliseconds of CPU.
 */
final class HeapSettler {
    private final Runnable collect;
    private final AtomicInteger pending = new AtomicInteger();

    HeapSettler() {
        this(System::gc);
    }

    /** @param collect the collection (tests count it) */
    HeapSettler(Runnable collect) {
        this.collect = collect;
    }

    /**
     * A load that will end, in success or failure, by running the returned action (once; more
     * runs are ignored). Expected before any load ends.
     */
    Runnable expect() {
        pending.incrementAndGet();
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true) && pending.decrementAndGet() == 0) {
                collect.run();
            }
        };
    }
}
