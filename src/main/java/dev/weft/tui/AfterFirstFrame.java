package dev.weft.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Work that starts once the loom's first frame is on the screen (loading the model, looking for
 * model files), each task on a daemon thread of its own. On a machine with two cores, work begun
 * before the frame takes a core from the JVM's compilers and the thread drawing it: the frame
 * comes later and the model no sooner.
 */
final class AfterFirstFrame implements Executor {
    private final String name;
    /** Tasks waiting for the first frame; null once it is drawn. */
    private List<Runnable> waiting = new ArrayList<>();

    AfterFirstFrame(String name) {
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (waiting != null) {
                waiting.add(task);
                return;
            }
        }
        start(task);
    }

    /** The first frame is drawn: the waiting tasks start, in the order given, and later ones at once. */
    void open() {
        List<Runnable> tasks;
        synchronized (this) {
            if (waiting == null) {
                return;
            }
            tasks = waiting;
            waiting = null;
        }
        tasks.forEach(this::start);
    }

    /** Whether tasks still wait for the first frame. */
    synchronized boolean held() {
        return waiting != null;
    }

    private void start(Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}
