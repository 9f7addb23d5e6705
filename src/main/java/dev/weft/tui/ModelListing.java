package dev.weft.tui;

import dev.weft.model.choice.ModelChoice;
import dev.weft.model.choice.Reach;
import dev.weft.tui.state.Msg;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Fills the model picker: the choices known now at once, the model files still being searched for
 * when the search ends, and each choice that needs it probed on its own thread (a server that does
 * not answer holds up only its own row).
 */
final class ModelListing {
    private ModelListing() {}

    static void list(long request, BackendCatalog backends, Executor probes, Consumer<Msg> post) {
        List<ModelChoice> now = backends.choices();
        boolean searching = !backends.searched().isDone();
        post.accept(new Msg.ModelsListed(request, now, searching));
        Set<String> probed = new HashSet<>();
        probe(request, now, probed, backends, probes, post);
        if (searching) {
            backends.searched().whenComplete((found, failed) -> {
                List<ModelChoice> all = backends.choices();
                post.accept(new Msg.ModelsListed(request, all, false));
                probe(request, all, probed, backends, probes, post);
            });
        }
    }

    private static void probe(long request, List<ModelChoice> choices, Set<String> probed, BackendCatalog backends,
                              Executor probes, Consumer<Msg> post) {
        for (ModelChoice c : choices) {
            boolean first;
            synchronized (probed) {
                first = probed.add(c.name());
            }
            if (c.unprobed() && first) {
                probes.execute(() -> {
                    Reach reach;
                    try {
                        reach = backends.reach(c);
                    } catch (RuntimeException e) {
                        reach = Reach.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    post.accept(new Msg.ModelReached(request, c.name(), reach));
                });
            }
        }
    }
}
