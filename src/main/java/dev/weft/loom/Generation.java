package dev.weft.loom;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a model node was produced: which backend and model, with which parameters, when, and how it ended.
 *
 * @param unknown the parameters nobody stated (an imported file that does not say them), by their
 *                session-file names ({@code temperature}, {@code top_p}, …); their values in
 *                {@code params} are placeholders, never to be shown as facts
 */
public record Generation(String backend, String model, SamplingParams params, Instant at, FinishReason finish,
                         Set<String> unknown) {
    /** The parameters' names, as the session file writes them. */
    public static final Set<String> PARAMS =
            Set.of("temperature", "top_p", "top_k", "min_p", "max_tokens", "n", "top_logprobs", "seed", "stop");

    public Generation {
        if (backend == null || model == null || params == null || at == null || finish == null || unknown == null) {
            throw new IllegalArgumentException("generation record is missing a field");
        }
        if (!PARAMS.containsAll(unknown)) {
            throw new IllegalArgumentException("unknown parameter names " + unknown);
        }
        unknown = Set.copyOf(new TreeSet<>(unknown));
    }

    /** A generation whose every parameter is known. */
    public Generation(String backend, String model, SamplingParams params, Instant at, FinishReason finish) {
        this(backend, model, params, at, finish, Set.of());
    }

    /** This generation with {@code more} parameters recorded as unknown (the server's own defaults applied). */
    public Generation withUnknown(Set<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Set<String> all = new TreeSet<>(unknown);
        all.addAll(more);
        return new Generation(backend, model, params, at, finish, all);
    }

    public Generation finished(FinishReason reason) {
        return new Generation(backend, model, params, at, reason, unknown);
    }

    public boolean knows(String param) {
        return !unknown.contains(param);
    }
}
