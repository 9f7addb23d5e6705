package dev.weft.model.embedded;

import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.loom.Utf8;
import dev.weft.model.Cancellation;
import dev.weft.model.Capabilities;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import dev.weft.model.TokenSink;
import dev.weft.model.sampling.Ranking;
import dev.weft.model.sampling.Sampler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The offline backend: a Kneser–Ney n-gram model over GPT-2 tokens, trained on a corpus at first
 * start and cached. It knows the exact probability of every token, so it reports any number of
 * alternatives and scores any text. A prompt is read as the start of a document: the model sees
 * {@code <|endoftext|>} before it, as before every training document. Immutable and thread-safe.
 */
public final class EmbeddedModel implements LanguageModel {
    public static final String BACKEND = "embedded";
    public static final int DEFAULT_ORDER = 4;
    private static final int MAX_REJECTIONS = 256;
    /** Every token's probability is known, so any number of alternatives and any text can be scored. */
    public static final Capabilities CAPABILITIES =
            new Capabilities(Gpt2Tokenizer.VOCABULARY_SIZE, true, true, true, true, true);

    private final KneserNeyModel ngrams;
    private final Gpt2Tokenizer tokenizer;
    private final String name;
    private final Capabilities capabilities;
    private final LoadReport loadReport;
    private final CanonicalPairs canonicalPairs;
    private final ContinuationBytes continuations;

    private EmbeddedModel(KneserNeyModel ngrams, Gpt2Tokenizer tokenizer, String name, LoadReport loadReport) {
        this.ngrams = ngrams;
        this.tokenizer = tokenizer;
        this.name = name;
        this.capabilities = CAPABILITIES;
        this.loadReport = loadReport;
        this.canonicalPairs = new CanonicalPairs(tokenizer);
        this.continuations = new ContinuationBytes(tokenizer);
    }

    /** The default model: order {@value #DEFAULT_ORDER}, the bundled Europarl text, the user's cache directory. */
    public static EmbeddedModel openDefault() throws ModelException {
        return open(TrainingCorpus.europarl(), DEFAULT_ORDER, ModelCache.userDefault());
    }

    /** Loads the model for this corpus and order from the cache, or trains and caches it. */
    public static EmbeddedModel open(TrainingCorpus corpus, int order, ModelCache cache) throws ModelException {
        if (order < 1 || order > KneserNeyModel.MAX_ORDER) {
            throw new ModelException("embedded model order must be 1.." + KneserNeyModel.MAX_ORDER + ", got " + order);
        }
        long start = System.nanoTime();
        // the tokenizer's table and the n-grams are read from the cache side by side (the table is parsed
        // from jtokkit's ranks, most of a second, only when its cache file is missing)
        CompletableFuture<Gpt2Tokenizer> tokenizerReady = CompletableFuture.supplyAsync(
                () -> Gpt2Tokenizer.cached(cache.directory()));
        Path file = cache.fileFor(corpus, order);
        Optional<KneserNeyModel> cached = cache.load(file)
                .filter(m -> m.order() == order && m.vocabularySize() == Gpt2Tokenizer.VOCABULARY_SIZE);
        Gpt2Tokenizer tokenizer = tokenizerReady.join();
        KneserNeyModel ngrams;
        Optional<String> cacheProblem = Optional.empty();
        if (cached.isPresent()) {
            ngrams = cached.get();
        } else {
            int[] stream = tokenizer.encodeDocuments(corpus.documents());
            ngrams = KneserNeyModel.train(stream, tokenizer.vocabularySize(), order);
            try {
                cache.store(file, ngrams);
            } catch (IOException e) {
                cacheProblem = Optional.of("cannot write the model cache " + file + ": " + e.getMessage());
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        LoadReport report = new LoadReport(file, cached.isPresent(), elapsed, cacheProblem);
        return new EmbeddedModel(ngrams, tokenizer, nameFor(corpus.name(), order), report);
    }

    /** The model's name, known before it is loaded: "kn4-europarl-en". */
    public static String nameFor(String corpusName, int order) {
        return "kn" + order + "-" + corpusName;
    }

    /** It keeps token boundaries and bytes: a context may end inside a character. */
    @Override
    public boolean takesPartialCharacters() {
        return true;
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public String model() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    public LoadReport loadReport() {
        return loadReport;
    }

    /** The underlying n-gram model, for views that want whole distributions. */
    public KneserNeyModel ngrams() {
        return ngrams;
    }

    public Gpt2Tokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * Samples the choices in turns, one token each, so n siblings grow side by side. A sampled
     * {@code <|endoftext|>} ends a choice (STOP) without being emitted; so does a token that would
     * complete a stop string (the tokens before it stay, so the text can hold the start of the
     * stop string). Each token carries the model's own logprob, before any sampling filter.
     * Only canonical token pairs are drawn (see {@link CanonicalPairs}), so the text of a
     * completion tokenises back to the tokens that were sampled.
     */
    @Override
    public List<Completion> generate(Prompt prompt, SamplingParams params, TokenSink sink, Cancellation cancel) {
        int[] context = contextOf(prompt);
        byte[] promptBytes = prompt.bytes();
        byte[] promptTail = Arrays.copyOfRange(promptBytes,
                promptBytes.length - Utf8.incompleteTail(promptBytes, promptBytes.length), promptBytes.length);
        StopStrings stops = new StopStrings(params.stop());
        int alternatives = capabilities.cappedTopLogprobs(params.topLogprobs());
        List<CompletionInProgress> choices = new ArrayList<>(params.n());
        for (Sampler sampler : Sampler.forChoices(params)) {
            choices.add(new CompletionInProgress(choices.size(), sampler, context, promptTail, params.maxTokens()));
        }
        double[] probabilities = new double[tokenizer.vocabularySize()];
        for (int step = 0; step < params.maxTokens() && anyRunning(choices); step++) {
            for (CompletionInProgress choice : choices) {
                if (!choice.isRunning()) {
                    continue;
                }
                if (cancel.isCancelled()) {
                    return finishAll(choices, FinishReason.CUT);
                }
                ngrams.distribution(choice.history(), choice.historyLength(), probabilities);
                int id = nextCanonical(choice, probabilities);
                byte[] bytes = tokenizer.piece(id).bytes();
                if (id == Gpt2Tokenizer.END_OF_TEXT || choice.wouldComplete(stops, bytes)) {
                    choice.finish(FinishReason.STOP);
                    continue;
                }
                Token token = token(id, probabilities, alternatives);
                choice.append(id, token, bytes);
                sink.accept(choice.choice(), token);
            }
        }
        return finishAll(choices, FinishReason.LENGTH);
    }

    /**
     * Draws the next token among those that form a canonical pair with the previous one and
     * keep the text valid UTF-8 (a token of a split character must be followed by the rest of
     * it, else the text holds bytes no tokeniser reads back): a
     * rejected token's mass is removed and the draw repeated on a copy, so the reported
     * probabilities stay the model's own. The bound only matters for a degenerate distribution.
     */
    private int nextCanonical(CompletionInProgress choice, double[] probabilities) {
        int previous = choice.history()[choice.historyLength() - 1];
        int pending = choice.pendingContinuationBytes();
        // inside a split character almost all mass is on tokens that cannot finish it: mask them at once
        double[] allowed = pending == 0 ? probabilities : continuations.keepFinishing(probabilities, pending);
        for (int attempt = 0; ; attempt++) {
            int id = choice.sampler().next(allowed);
            boolean acceptable = canonicalPairs.canonical(previous, id)
                    && choice.continuesValidly(tokenizer.piece(id).bytes());
            if (attempt == MAX_REJECTIONS || acceptable) {
                return id;
            }
            if (allowed == probabilities) { // copy once: the caller reports the unmasked distribution
                allowed = probabilities.clone();
            }
            allowed[id] = 0;
        }
    }

    /**
     * Exact logprobs of the continuation's own BPE tokens after the prompt: the same numbers
     * {@link #generate} reports whenever it sampled the canonical tokens of that text.
     */
    @Override
    public Scoring score(Prompt prompt, String continuation, int topLogprobs) {
        int[] context = contextOf(prompt);
        int[] ids = tokenizer.encode(continuation);
        int[] history = Arrays.copyOf(context, context.length + ids.length);
        System.arraycopy(ids, 0, history, context.length, ids.length);
        int alternatives = capabilities.cappedTopLogprobs(topLogprobs);
        double[] probabilities = new double[tokenizer.vocabularySize()];
        List<Token> tokens = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            ngrams.distribution(history, context.length + i, probabilities);
            tokens.add(token(ids[i], probabilities, alternatives));
        }
        return new Scoring(tokens);
    }

    /** {@code <|endoftext|>} then the prompt's ids: a prompt starts a document. */
    private int[] contextOf(Prompt prompt) {
        int[] ids = tokenizer.encode(prompt);
        int[] context = new int[ids.length + 1];
        context[0] = Gpt2Tokenizer.END_OF_TEXT;
        System.arraycopy(ids, 0, context, 1, ids.length);
        return context;
    }

    private Token token(int id, double[] probabilities, int alternatives) {
        List<Alternative> top = new ArrayList<>(alternatives);
        for (int alternative : Ranking.top(probabilities, alternatives)) {
            top.add(new Alternative(tokenizer.piece(alternative), Math.log(probabilities[alternative])));
        }
        return new Token(tokenizer.piece(id), Math.log(probabilities[id]), top);
    }

    private static boolean anyRunning(List<CompletionInProgress> choices) {
        return choices.stream().anyMatch(CompletionInProgress::isRunning);
    }

    private static List<Completion> finishAll(List<CompletionInProgress> choices, FinishReason reason) {
        List<Completion> completions = new ArrayList<>(choices.size());
        for (CompletionInProgress choice : choices) {
            choice.finish(reason);
            completions.add(choice.completion());
        }
        return completions;
    }
}
