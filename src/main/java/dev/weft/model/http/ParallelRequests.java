package dev.weft.model.http;

import dev.weft.loom.FinishReason;
import dev.weft.model.Completion;
import dev.weft.model.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntSupplier;

/**
 * Samples siblings one request each, at most {@link #width} at a time, for servers that ignore
 * {@code n} (llama.cpp slots, Ollama, OpenRouter). The width is asked once, at the first fan-out
 * (a llama.cpp server says how many slots it has). A sibling whose request fails becomes a cut
 * completion and the user is told; only when every sibling fails does the call fail.
 */
final class ParallelRequests implements AutoCloseable {

    /** Samples the sibling with the given choice index. */
    @FunctionalInterface
    interface Sibling {
        Completion sample(int choice) throws ModelException;
    }

    private final String backend;
    private final Notices notices;
    private final ExecutorService pool;
    private final IntSupplier widthSource;
    private volatile int width;

    ParallelRequests(String backend, int maxParallel, Notices notices) {
        this(backend, () -> maxParallel, notices);
    }

    /** @param width how many requests may be in flight, asked at the first fan-out (at least 1) */
    ParallelRequests(String backend, IntSupplier width, Notices notices) {
        this.backend = backend;
        this.notices = notices;
        this.widthSource = width;
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "weft-" + backend + "-request");
            t.setDaemon(true);
            return t;
        });
    }

    /** How many requests go out at once. */
    int width() {
        int w = width;
        if (w == 0) {
            synchronized (this) {
                if (width == 0) {
                    width = Math.max(1, widthSource.getAsInt());
                }
                w = width;
            }
        }
        return w;
    }

    List<Completion> run(int n, Sibling sibling) throws ModelException {
        List<Future<Completion>> futures = new ArrayList<>(n);
        Semaphore inFlight = new Semaphore(Math.min(n, width()));
        for (int choice = 0; choice < n; choice++) {
            int c = choice;
            futures.add(pool.submit(() -> {
                inFlight.acquire();
                try {
                    return sibling.sample(c);
                } finally {
                    inFlight.release();
                }
            }));
        }
        List<Completion> out = new ArrayList<>(n);
        ModelException first = null;
        int failed = 0;
        for (Future<Completion> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                failed++;
                if (first == null) {
                    first = e.getCause() instanceof ModelException m ? m
                            : new ModelException(backend + ": request failed: " + e.getCause(), e.getCause());
                }
                out.add(new Completion(List.of(), FinishReason.CUT));
            } catch (InterruptedException e) {
                futures.forEach(pending -> pending.cancel(true));
                Thread.currentThread().interrupt();
                throw new RequestCancelled(backend + ": interrupted while waiting for " + n + " parallel requests");
            }
        }
        if (failed == n) {
            throw first;
        }
        if (failed > 0) {
            notices.notice(backend + ": " + failed + " of " + n + " requests failed; first: " + first.getMessage());
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
