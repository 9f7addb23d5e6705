package dev.weft.model;

import dev.weft.loom.SamplingParams;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A model still loading: what it is (backend, name, capabilities) is known at once, so the loom
 * can come up and work while the model loads on its own thread; a call that needs the model
 * waits for it (generate and score run off the UI thread, so only they wait).
 */
public final class DeferredModel implements LanguageModel {
    private final String backend;
    private final String model;
    private final Capabilities capabilities;
    private final CompletableFuture<LanguageModel> loading = new CompletableFuture<>();

    /** How the model is opened. */
    @FunctionalInterface
    public interface Loader {
        LanguageModel open() throws ModelException;
    }

    private DeferredModel(String backend, String model, Capabilities capabilities) {
        this.backend = backend;
        this.model = model;
        this.capabilities = capabilities;
    }

    /** Starts loading on a daemon thread of its own; {@code done} hears the model, or null and why not. */
    public static DeferredModel start(String backend, String model, Capabilities capabilities, Loader loader,
                                      Consumer<String> failed, Runnable loaded) {
        return start(backend, model, capabilities, loader, failed, loaded, task -> {
            Thread thread = new Thread(task, "weft-model-load");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** As above, loading where {@code where} runs it (the loom: once its first frame is drawn). */
    public static DeferredModel start(String backend, String model, Capabilities capabilities, Loader loader,
                                      Consumer<String> failed, Runnable loaded, Executor where) {
        DeferredModel deferred = new DeferredModel(backend, model, capabilities);
        where.execute(() -> {
            try {
                deferred.loading.complete(loader.open());
                loaded.run();
            } catch (ModelException | RuntimeException e) {
                deferred.loading.completeExceptionally(e);
                failed.accept(e.getMessage());
            }
        });
        return deferred;
    }

    /** The model itself: {@code model} when it is not deferred, else the loaded one (waiting for it). */
    public static LanguageModel loaded(LanguageModel model) throws ModelException {
        return model instanceof DeferredModel d ? d.await() : model;
    }

    /** Whether loading has finished (or failed). */
    public boolean isDone() {
        return loading.isDone();
    }

    /** Waits for the model. */
    public LanguageModel await() throws ModelException {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ModelException m) {
                throw m;
            }
            throw new ModelException("the " + backend + " model did not load: " + e.getCause().getMessage());
        }
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public List<Completion> generate(Prompt prompt, SamplingParams params, TokenSink sink, Cancellation cancel)
            throws ModelException {
        return await().generate(prompt, params, sink, cancel);
    }

    @Override
    public Scoring score(Prompt prompt, String continuation, int topLogprobs) throws ModelException {
        return await().score(prompt, continuation, topLogprobs);
    }

    /** The loaded model's cache figures; none while it loads. */
    @Override
    public KvCacheStats cacheStats() {
        if (!loading.isDone() || loading.isCompletedExceptionally()) {
            return null;
        }
        return loading.join().cacheStats();
    }

    @Override
    public void close() {
        loading.thenAccept(LanguageModel::close);
    }
}
