package dev.weft.cli;

import dev.weft.loom.SamplingParams;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The sampling options every generating command shares. */
final class SamplingOptions {
    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature; 0 is greedy (default ${DEFAULT-VALUE}).")
    double temperature = SamplingParams.DEFAULTS.temperature();

    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling mass, 1 = off (default ${DEFAULT-VALUE}).")
    double topP = SamplingParams.DEFAULTS.topP();

    @Option(names = "--top-k", paramLabel = "K", description = "Sample among the K most likely tokens, 0 = off.")
    int topK = SamplingParams.DEFAULTS.topK();

    @Option(names = "--min-p", paramLabel = "P", description = "Drop tokens below P times the top token's probability, 0 = off.")
    double minP = SamplingParams.DEFAULTS.minP();

    @Option(names = "--max-tokens", paramLabel = "N", description = "Tokens per completion (default ${DEFAULT-VALUE}).")
    int maxTokens = SamplingParams.DEFAULTS.maxTokens();

    @Option(names = "-n", paramLabel = "N", description = "Number of completions (default ${DEFAULT-VALUE}).")
    int n = SamplingParams.DEFAULTS.n();

    @Option(names = "--top-logprobs", paramLabel = "K", description = "Alternatives reported per token (default ${DEFAULT-VALUE}).")
    int topLogprobs = SamplingParams.DEFAULTS.topLogprobs();

    @Option(names = "--seed", paramLabel = "S", description = "Seed for reproducible sampling.")
    Long seed;

    @Option(names = "--stop", paramLabel = "STR", description = "Stop string (repeatable).")
    List<String> stop = new ArrayList<>();

    SamplingParams params() {
        try {
            return new SamplingParams(temperature, topP, topK, minP, maxTokens, n, topLogprobs, seed, stop);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
