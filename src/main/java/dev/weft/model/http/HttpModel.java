package dev.weft.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.loom.FinishReason;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Cancellation;
import dev.weft.model.Capabilities;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import dev.weft.model.TokenSink;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A language model behind an HTTP server, whatever its protocol: caps the alternatives to what
 * the server gives (saying so once), streams tokens to the sink as they arrive, fans {@code n}
 * out into parallel requests when the server does not honour it, and keeps what arrived when a
 * stream is cancelled or breaks.
 */
public final class HttpModel implements LanguageModel {
    private final String backend;
    private final String model;
    private final Capabilities capabilities;
    private final WireProtocol protocol;
    private final TextScoring scoring;
    private final HttpTransport transport;
    private final ObjectNode extra;
    private final Notices notices;
    private final ParallelRequests parallel;
    private final AtomicBoolean saidCapped = new AtomicBoolean();
    private final AtomicBoolean saidUnscored = new AtomicBoolean();
    private final AtomicBoolean saidUnsent = new AtomicBoolean();
    private final AtomicBoolean saidPlaceholders = new AtomicBoolean();
    private final AtomicBoolean saidMarked = new AtomicBoolean();

    /**
     * @param scoring null when the protocol cannot score text
     * @param extra   profile fields merged into every request body
     */
    public HttpModel(String backend, String model, Capabilities capabilities, WireProtocol protocol,
                     TextScoring scoring, HttpTransport transport, ObjectNode extra, HttpSettings settings) {
        this(backend, model, capabilities, protocol, scoring, transport, extra, settings, settings::maxParallel);
    }

    /** @param parallel how many sibling requests at once, asked at the first fan-out (see {@link ServerSlots}) */
    HttpModel(String backend, String model, Capabilities capabilities, WireProtocol protocol, TextScoring scoring,
              HttpTransport transport, ObjectNode extra, HttpSettings settings, java.util.function.IntSupplier parallel) {
        this.backend = backend;
        this.model = model;
        this.capabilities = capabilities;
        this.protocol = protocol;
        this.scoring = scoring;
        this.transport = transport;
        this.extra = extra.deepCopy();
        this.notices = settings.notices();
        this.parallel = new ParallelRequests(backend, parallel, notices);
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
    public java.util.Set<String> defaultedWhenOff() {
        return protocol.defaultedWhenOff();
    }

    @Override
    public List<Completion> generate(Prompt prompt, SamplingParams params, TokenSink sink, Cancellation cancel)
            throws ModelException {
        requireWholeText(prompt);
        int top = cappedTopLogprobs(params.topLogprobs());
        List<String> unsent = protocol.unsentParameters(params);
        if (!unsent.isEmpty() && saidUnsent.compareAndSet(false, true)) {
            notices.notice(backend + ": " + transport.displayUrl("") + " does not take " + String.join(", ", unsent)
                    + "; they are not applied (a profile with \"server\": \"vllm\" sends them)");
        }
        TokenSink serial = serialised(sink);
        if (params.n() == 1 || capabilities.honoursN()) {
            return request(prompt, params, params.n(), top, 0, serial, cancel);
        }
        // One request per sibling; a seed is offset per choice so siblings differ but stay reproducible.
        return parallel.run(params.n(), choice -> {
            SamplingParams one = params.withN(1).withSeed(params.seed() == null ? null : params.seed() + choice);
            return request(prompt, one, 1, top, choice, serial, cancel).get(0);
        });
    }

    @Override
    public Scoring score(Prompt prompt, String continuation, int topLogprobs) throws ModelException {
        if (scoring == null || !capabilities.scoresText()) {
            throw new ModelException(backend + " cannot score text" + (scoring == null ? ""
                    : " at " + transport.displayUrl("") + " (the profile says the server cannot)"));
        }
        requireWholeText(prompt);
        ObjectNode body = scoring.scoreBody(model, prompt, continuation, cappedTopLogprobs(topLogprobs));
        JsonNode response = transport.postJson(scoring.scorePath(), withExtra(body), Cancellation.NEVER);
        try {
            return scoring.parseScore(response, prompt, continuation);
        } catch (LayoutException e) {
            throw new ModelException(backend + ": unexpected response from " + transport.displayUrl(scoring.scorePath())
                    + ": " + e.getMessage());
        }
    }

    @Override
    public List<Completion> generateEach(List<Prompt> prompts, SamplingParams params) throws ModelException {
        if (params.n() != 1) {
            throw new IllegalArgumentException("generateEach takes one completion per prompt, not " + params.n());
        }
        for (Prompt p : prompts) {
            requireWholeText(p);
        }
        if (prompts.isEmpty()) {
            return List.of();
        }
        if (prompts.size() == 1) {
            return generate(prompts.get(0), params);
        }
        return parallel.run(prompts.size(), i -> generate(prompts.get(i), params).get(0));
    }

    /** A context that ends inside a character would reach the model as U+FFFD: a different text. */
    private void requireWholeText(Prompt prompt) throws ModelException {
        if (!prompt.isWholeText()) {
            byte[] b = prompt.bytes();
            StringBuilder tail = new StringBuilder();
            for (int i = Math.max(0, b.length - 3); i < b.length; i++) {
                tail.append(String.format("\\x%02x", b[i] & 0xff));
            }
            throw new ModelException(backend + ": the context ends inside a character (…" + tail
                    + "); sent as text it would become U+FFFD, so it is not sent. Continue from a whole character");
        }
    }

    private List<Completion> request(Prompt prompt, SamplingParams params, int n, int top, int choiceOffset,
                                     TokenSink sink, Cancellation cancel) throws ModelException {
        ChoiceBuffers buffers = new ChoiceBuffers(n, choiceOffset, sink, top > 0);
        String path = protocol.generatePath();
        ObjectNode body = withExtra(protocol.generateBody(model, prompt, params, n, top, capabilities.streams()));
        try {
            if (capabilities.streams()) {
                streamed(path, body, buffers, cancel);
            } else {
                whole(path, body, buffers, cancel);
            }
        } catch (RequestCancelled e) {
            buffers.endRunning(FinishReason.CUT);
        }
        if (buffers.placeholders() > 0 && saidPlaceholders.compareAndSet(false, true)) {
            notices.notice(backend + ": " + transport.displayUrl(path) + " returned " + buffers.placeholders()
                    + " tokens with logprob 0 and none of the alternatives asked for (a draft model's placeholders);"
                    + " they are shown unscored");
        }
        if (buffers.markedSpans() > 0 && saidMarked.compareAndSet(false, true)) {
            notices.notice(backend + ": " + transport.displayUrl(path) + " listed tokens that do not spell its text"
                    + " (split characters); weft kept the server's text and scored each such span with the sum of its tokens");
        }
        if (buffers.placeholders() == 0 && buffers.anyUnscored() && saidUnscored.compareAndSet(false, true)) {
            notices.notice(backend + ": " + transport.displayUrl(path)
                    + " sent tokens without logprobs; they are shown unscored");
        }
        return buffers.completions();
    }

    private void streamed(String path, ObjectNode body, ChoiceBuffers buffers, Cancellation cancel)
            throws ModelException {
        StreamReader reader = new StreamReader(protocol, buffers);
        StreamOutcome outcome = transport.postStream(path, body, cancel, reader);
        if (reader.problem() != null) {
            outcome = new StreamOutcome.Broken(transport.redact(reader.problem()) + " (" + transport.displayUrl(path) + ")");
        } else if (outcome instanceof StreamOutcome.Finished && !reader.ended()) {
            outcome = new StreamOutcome.Broken("the stream from " + transport.displayUrl(path)
                    + " ended before the server said it was done");
        }
        if (outcome instanceof StreamOutcome.Broken broken) {
            buffers.endRunning(FinishReason.CUT); // settles what arrived before the break
            if (buffers.tokenCount() == 0) {
                throw new ModelException(backend + ": " + broken.reason());
            }
            int kept = buffers.tokenCount();
            notices.notice(backend + ": " + broken.reason() + "; kept " + kept + (kept == 1 ? " token" : " tokens"));
        } else if (outcome instanceof StreamOutcome.Cancelled) {
            buffers.endRunning(FinishReason.CUT);
        } else {
            buffers.endRunning(FinishReason.STOP); // an end marker without a finish reason: the server stopped
        }
    }

    private void whole(String path, ObjectNode body, ChoiceBuffers buffers, Cancellation cancel)
            throws ModelException {
        JsonNode response = transport.postJson(path, body, cancel);
        if (ErrorBody.isError(response)) {
            throw new ModelException(backend + ": " + transport.displayUrl(path) + " reported an error: "
                    + transport.redact(ErrorBody.of(response).message()));
        }
        try {
            List<ChoiceDelta> choices = protocol.parseResponse(response);
            if (choices.isEmpty()) {
                throw new ModelException(backend + ": response from " + transport.displayUrl(path) + " has no choices");
            }
            for (ChoiceDelta choice : choices) {
                buffers.add(choice);
            }
        } catch (LayoutException e) {
            throw new ModelException(backend + ": unexpected response from " + transport.displayUrl(path) + ": "
                    + e.getMessage());
        }
        buffers.endRunning(FinishReason.STOP);
    }

    private int cappedTopLogprobs(int requested) {
        int capped = capabilities.cappedTopLogprobs(requested);
        if (capped < requested && saidCapped.compareAndSet(false, true)) {
            notices.notice(backend + ": asked for " + requested + " alternatives per token; "
                    + transport.displayUrl("") + " gives at most " + capped + ", so weft asks for " + capped);
        }
        return capped;
    }

    private ObjectNode withExtra(ObjectNode body) {
        Json.merge(body, extra);
        return body;
    }

    /** Parallel requests deliver tokens from several threads; the sink sees them one at a time. */
    private static TokenSink serialised(TokenSink sink) {
        Object lock = new Object();
        return (choice, token) -> {
            synchronized (lock) {
                sink.accept(choice, token);
            }
        };
    }

    @Override
    public void close() {
        parallel.close();
        transport.close();
    }

    @Override
    public String toString() {
        return "HttpModel[" + backend + " · " + model + " · " + transport + "]";
    }
}
