package dev.weft.loom;

import java.time.Instant;

/** How a model node was produced: which backend and model, with which parameters, when, and how it ended. */
public record Generation(String backend, String model, SamplingParams params, Instant at, FinishReason finish) {
    public Generation {
        if (backend == null || model == null || params == null || at == null || finish == null) {
            throw new IllegalArgumentException("generation record is missing a field");
        }
    }

    public Generation finished(FinishReason reason) {
        return new Generation(backend, model, params, at, reason);
    }
}
