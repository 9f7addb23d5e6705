package dev.weft.model;

import dev.weft.loom.SamplingParams;
import java.util.List;

/**
 * A source of completions with per-token logprobs. Implementations: the embedded n-gram
 * model and the HTTP backends. Never touches the terminal; failures are {@link ModelException}s
 * with a one-line message that is safe to show (no keys).
 */
public interface LanguageModel extends AutoCloseable {

    /** Backend kind, e.g. "embedded", "openai-completions". */
    String backend();

    /** Model name as the backend knows it. */
    String model();

    Capabilities capabilities();

    /**
     * Parameters this backend leaves out of a request when they are off, so that the server's own
     * default applies (a generic OpenAI-compatible server: llama.cpp's /v1 fills top_k 40, min_p
     * 0.05). A generation records those as unknown, never as the 0 that was not sent.
     */
    default java.util.Set<String> defaultedWhenOff() {
        return java.util.Set.of();
    }

    /**
     * Samples {@code params.n()} completions of {@code prompt}. Each token is passed to
     * {@code sink} as it is produced (choice index, token); the finished completions are
     * returned in choice order. When {@code cancel} reports true the call stops soon and
     * returns what arrived, each unfinished completion marked {@code CUT}.
     */
    List<Completion> generate(Prompt prompt, SamplingParams params, TokenSink sink, Cancellation cancel)
            throws ModelException;

    default List<Completion> generate(Prompt prompt, SamplingParams params) throws ModelException {
        return generate(prompt, params, TokenSink.IGNORE, Cancellation.NEVER);
    }

    /**
     * One completion of each prompt ({@code params.n()} must be 1), in order: the questions of a
     * multiverse level. A backend that can sends them in parallel, bounded as it bounds siblings.
     */
    default List<Completion> generateEach(List<Prompt> prompts, SamplingParams params) throws ModelException {
        List<Completion> out = new java.util.ArrayList<>(prompts.size());
        for (Prompt p : prompts) {
            out.add(generate(p, params).get(0));
        }
        return out;
    }

    /**
     * True when a context may end inside a UTF-8 character: the embedded model keeps bytes; a text
     * API would receive U+FFFD instead, so HTTP backends refuse such a context.
     */
    default boolean takesPartialCharacters() {
        return false;
    }

    /**
     * The logprob of each token of {@code continuation} after {@code prompt}, with up to
     * {@code topLogprobs} alternatives per position. Only when {@link Capabilities#scoresText()}.
     */
    default Scoring score(Prompt prompt, String continuation, int topLogprobs) throws ModelException {
        throw new ModelException(backend() + " cannot score text");
    }

    /**
     * What this model's key/value cache holds and how often it helped, for the status bar and the
     * doctor; null for a model that keeps no such cache (a server's cache is its own).
     */
    default KvCacheStats cacheStats() {
        return null;
    }

    @Override
    default void close() {}
}
