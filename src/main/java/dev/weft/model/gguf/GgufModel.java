package dev.weft.model.gguf;

import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.BatchedModel;
import dev.weft.model.Cancellation;
import dev.weft.model.Continuation;
import dev.weft.model.Capabilities;
import dev.weft.model.Completion;
import dev.weft.model.KvCacheStats;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import dev.weft.model.TokenSink;
import dev.weft.model.embedded.StopStrings;
import dev.weft.model.sampling.Ranking;
import dev.weft.model.sampling.Sampler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A GGUF model file run in process: the exact probability of every token of the vocabulary at
 * every position, so it reports any number of alternatives and scores any text, the prompt
 * included. n siblings share the prompt's keys and values and then grow side by side.
 */
public final class GgufModel implements BatchedModel {
    public static final String BACKEND = "gguf";

    private final GgufFile file;
    private final ModelConfig config;
    private final GgufTokenizer tokenizer;
    private final Transformer transformer;
    private final CachedForward cached;
    private final GgufBatches batches;
    private final MatMul matmul;
    private final Capabilities capabilities;
    private final Duration loadTime;
    private final boolean tied;

    private GgufModel(GgufFile file, ModelConfig config, GgufTokenizer tokenizer, ModelWeights weights, MatMul matmul,
                      Duration loadTime) {
        this.file = file;
        this.config = config;
        this.tokenizer = tokenizer;
        this.matmul = matmul;
        this.transformer = new Transformer(config, weights, matmul);
        this.cached = new CachedForward(transformer, CachedForward.defaultBudget(System.getenv()));
        this.batches = new GgufBatches(this, transformer, cached);
        this.capabilities = new Capabilities(tokenizer.size(), true, true, true, true, true);
        this.loadTime = loadTime;
        this.tied = weights.tiedOutput();
    }

    /** Opens a model file with one thread per core. */
    public static GgufModel open(Path path) throws ModelException {
        return open(path, Runtime.getRuntime().availableProcessors());
    }

    public static GgufModel open(Path path, int threads) throws ModelException {
        long start = System.nanoTime();
        GgufFile file = GgufFile.open(path);
        ModelConfig config = ModelConfig.read(file);
        GgufTokenizer tokenizer = GgufTokenizer.read(file);
        ModelWeights weights = ModelWeights.read(file, config, tokenizer.size());
        MatMul matmul = new MatMul(Math.max(1, threads), FloatKernels.best());
        return new GgufModel(file, config, tokenizer, weights, matmul, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public String model() {
        return file.path().getFileName().toString();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    public GgufTokenizer tokenizer() {
        return tokenizer;
    }

    /** What the key/value cache holds and its hit rate so far. */
    @Override
    public KvCacheStats cacheStats() {
        return cached.tree().stats();
    }

    /** "kv cache budget 1024 MB (WEFT_KV_CACHE_MB or --kv-cache-mb), 45 KB a position: 23301 positions of loom paths" */
    public String cacheDescription() {
        KvCacheStats s = cacheStats();
        long per = cached.tree().bytesPerPosition();
        return String.format(java.util.Locale.ROOT, "kv cache budget %d MB (WEFT_KV_CACHE_MB or --kv-cache-mb), %d KB a"
                + " position: %d positions of loom paths kept", s.budget() >> 20, (per + 1023) / 1024, s.budget() / per);
    }

    /** What one cached position costs in memory (keys and values of every layer, its hidden state, overhead). */
    public long cacheBytesPerPosition() {
        return cached.tree().bytesPerPosition();
    }

    /** Sets the key/value cache's memory budget (0 keeps nothing between requests); evicts down to it. */
    public void cacheBudget(long bytes) {
        cached.tree().budget(bytes);
    }

    public ModelInfo info() {
        return ModelInfo.of(file, config, tokenizer, tied, matmul, loadTime);
    }

    @Override
    public List<Completion> generate(Prompt prompt, SamplingParams params, TokenSink sink, Cancellation cancel)
            throws ModelException {
        return generate(prompt, params, Sampler.forChoices(params), sink, cancel);
    }

    @Override
    public List<List<Continuation>> nextTokens(List<Prompt> contexts, int k) throws ModelException {
        return batches.nextTokens(contexts, k);
    }

    @Override
    public List<Scoring> scoreEach(Prompt prompt, List<String> continuations, int topLogprobs) throws ModelException {
        return batches.scoreEach(prompt, continuations, topLogprobs);
    }

    @Override
    public List<List<Completion>> generateEach(Prompt prompt, List<SamplingParams> params) throws ModelException {
        return batches.generateEach(prompt, params);
    }

    /** Siblings, one per sampler (each with its own temperature and seed), growing as one batch. */
    List<Completion> generate(Prompt prompt, SamplingParams params, List<Sampler> samplers, TokenSink sink,
                              Cancellation cancel) throws ModelException {
        int[] context = contextOf(prompt);
        if (context.length == 0) {
            throw new ModelException(model() + ": an empty prompt needs a BOS token, and this model has none");
        }
        checkLength(context.length + 1);
        CachedForward.Prefilled prefilled = cached.prefill(context, cancel::isCancelled);
        if (prefilled == null) {
            return List.of();
        }
        KvCache shared = prefilled.cache();
        float[][] hidden = prefilled.hidden();
        double[] first = probabilities(transformer.logits(new float[][] {hidden[hidden.length - 1]})[0]);
        StopStrings stops = new StopStrings(params.stop());
        int alternatives = capabilities.cappedTopLogprobs(params.topLogprobs());
        List<Choice> choices = new ArrayList<>();
        for (Sampler sampler : samplers) {
            choices.add(new Choice(choices.size(), sampler, shared.fork(context.length)));
        }
        matmul.run(choices.size(), i -> choices.get(i).draw(this, first, alternatives));
        int position = context.length;
        for (int step = 0; step < params.maxTokens(); step++, position++) {
            boolean any = false;
            List<Choice> stepping = new ArrayList<>(choices.size());
            for (Choice choice : choices) {
                if (choice.finish != FinishReason.RUNNING) {
                    continue;
                }
                if (cancel.isCancelled()) {
                    return finish(choices, FinishReason.CUT, context, hidden);
                }
                any = true;
                int id = choice.drawn;
                byte[] bytes = tokenizer.piece(id);
                if (tokenizer.endsGeneration(id) || stops.completedBy(choice.text, choice.textLength, bytes)) {
                    choice.finish = FinishReason.STOP;
                    continue;
                }
                Token token = choice.drawnToken;
                choice.append(token, bytes);
                sink.accept(choice.index, token);
                if (step + 1 < params.maxTokens()) {
                    if (position + 1 > config.contextLength()) {
                        choice.finish = FinishReason.LENGTH;
                        continue;
                    }
                    choice.pending = id;
                    stepping.add(choice);
                }
            }
            if (!any) {
                break;
            }
            if (!stepping.isEmpty()) {
                // all siblings take their next token together: one pass over the weights for all
                int[] ids = new int[stepping.size()];
                int[] positions = new int[ids.length];
                KvCache[] caches = new KvCache[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = stepping.get(i).pending;
                    positions[i] = position;
                    caches[i] = stepping.get(i).cache;
                }
                float[][] h = cached.step(ids, positions, caches);
                float[][] logits = new float[ids.length][];
                for (int i = 0; i < ids.length; i++) {
                    stepping.get(i).forwarded(ids[i], h[i]);
                    logits[i] = stepping.get(i).logits(transformer.vocabulary());
                }
                transformer.logits(h, logits); // into each sibling's own arrays: nothing vocabulary-sized allocated a step
                // each sibling's distribution, draw and alternatives (passes over the whole vocabulary) side by side
                matmul.run(ids.length, i -> stepping.get(i).drawFromLogits(this, alternatives));
            }
        }
        return finish(choices, FinishReason.LENGTH, context, hidden);
    }

    /**
     * One forward pass over prompt and continuation gives every position's distribution: the
     * logprob and alternatives of each continuation token. With an empty prompt the whole text
     * is scored from its first token (after BOS; a model without BOS cannot score the first).
     */
    @Override
    public Scoring score(Prompt prompt, String continuation, int topLogprobs) throws ModelException {
        int[] context = contextOf(prompt);
        boolean atStart = prompt.pieces().isEmpty();
        int[] ids = tokenizer.encode(continuation, atStart);
        int[] all = Arrays.copyOf(context, context.length + ids.length);
        System.arraycopy(ids, 0, all, context.length, ids.length);
        checkLength(all.length);
        int alternatives = capabilities.cappedTopLogprobs(topLogprobs);
        List<Token> tokens = new ArrayList<>(ids.length);
        int firstScored = 0;
        if (context.length == 0 && ids.length > 0) {
            tokens.add(new Token(piece(ids[0], true), Double.NaN, List.of()));
            firstScored = 1;
        }
        if (all.length > 1) {
            float[][] hidden = cached.prefill(Arrays.copyOf(all, all.length - 1), () -> false).hidden();
            for (int i = firstScored; i < ids.length; i += Transformer.BATCH) {
                int n = Math.min(Transformer.BATCH, ids.length - i);
                float[][] batch = Arrays.copyOfRange(hidden, context.length - 1 + i, context.length - 1 + i + n);
                float[][] logits = transformer.logits(batch);
                for (int j = 0; j < n; j++) {
                    double[] p = probabilities(logits[j]);
                    tokens.add(token(ids[i + j], p, alternatives, atStart && i + j == 0));
                }
            }
        }
        return new Scoring(tokens);
    }

    /**
     * The model's distribution over the next token after each position from {@code from - 1} on:
     * element j predicts {@code tokens[from + j]} (the last one, the token after all of them).
     */
    List<double[]> distributions(int[] tokens, int from) {
        float[][] hidden = transformer.forward(tokens, 0, new ArrayKvCache(config.layers()), () -> false);
        List<double[]> out = new ArrayList<>();
        for (int i = from - 1; i < tokens.length; i++) {
            out.add(probabilities(transformer.logits(new float[][] {hidden[i]})[0]));
        }
        return out;
    }

    void checkLength(int tokens) throws ModelException {
        if (tokens > config.contextLength()) {
            throw new ModelException(model() + ": " + tokens + " tokens exceed the model's context of "
                    + config.contextLength());
        }
    }

    /**
     * BOS (when the file says to add it; for an empty prompt, BOS or else EOS even when it does
     * not, so that the first token of a text has a context), then the prompt's pieces: a piece that is exactly one
     * token's bytes is that token, so continuing a node continues the tokens shown; other pieces
     * (typed text) are encoded on their own.
     */
    int[] contextOf(Prompt prompt) {
        List<Integer> ids = new ArrayList<>();
        if (tokenizer.addsBos()) {
            ids.add(tokenizer.bos());
        }
        boolean first = true;
        for (Piece piece : prompt.pieces()) {
            byte[] bytes = piece.bytes();
            Integer id = first && tokenizer instanceof SentencePieceTokenizer spm && spm.addsSpacePrefix()
                    ? null : tokenizer.idOfPiece(bytes);
            if (id != null) {
                ids.add(id);
            } else if (piece.isComplete()) {
                for (int t : tokenizer.encode(piece.text(), first)) {
                    ids.add(t);
                }
            } else {
                for (byte b : bytes) {
                    Integer byteId = tokenizer.idOfPiece(new byte[] {b});
                    if (byteId != null) {
                        ids.add(byteId);
                    }
                }
            }
            first = false;
        }
        if (ids.isEmpty() && tokenizer.documentStart() >= 0) {
            // a text from its very start: read after the token that separates documents
            ids.add(tokenizer.documentStart());
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Softmax in double over the logits: the model's own distribution before any sampling filter. */
    static double[] probabilities(float[] logits) {
        return probabilities(logits, new double[logits.length]);
    }

    /** {@link #probabilities(float[])} into {@code p} (as long as {@code logits}); returns it. */
    static double[] probabilities(float[] logits, double[] p) {
        float max = Float.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] - (double) max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    Token token(int id, double[] p, int alternatives, boolean startsText) {
        List<Alternative> top = new ArrayList<>(alternatives);
        for (int a : Ranking.top(p, alternatives)) {
            top.add(new Alternative(alternativePiece(a, startsText), Math.log(p[a])));
        }
        return new Token(piece(id, startsText), Math.log(p[id]), top);
    }

    /** A token's bytes; the first token of a text loses the space SentencePiece put before it. */
    private Piece piece(int id, boolean startsText) {
        byte[] bytes = tokenizer.piece(id);
        if (startsText && tokenizer instanceof SentencePieceTokenizer spm && spm.addsSpacePrefix()
                && bytes.length > 0 && bytes[0] == ' ') {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Piece.ofBytes(bytes);
    }

    /** Alternatives show control tokens by name (an empty piece would say nothing). */
    Piece alternativePiece(int id, boolean startsText) {
        if (tokenizer.types[id] == GgufTokenizer.CONTROL) {
            return Piece.of(tokenizer.text(id));
        }
        return piece(id, startsText);
    }

    /** The completions; each sibling's path (context and the tokens it computed) is kept in the cache. */
    private List<Completion> finish(List<Choice> choices, FinishReason reason, int[] context, float[][] hidden) {
        List<Completion> out = new ArrayList<>();
        for (Choice c : choices) {
            if (c.forwardedCount > 0) {
                int[] path = Arrays.copyOf(context, context.length + c.forwardedCount);
                System.arraycopy(c.forwardedIds, 0, path, context.length, c.forwardedCount);
                float[][] h = Arrays.copyOf(hidden, path.length);
                System.arraycopy(c.forwardedHidden, 0, h, context.length, c.forwardedCount);
                cached.remember(path, c.cache, h);
            }
            if (c.finish == FinishReason.RUNNING) {
                c.finish = reason;
            }
            out.add(new Completion(c.tokens, c.finish));
        }
        return out;
    }

    @Override
    public void close() {
        matmul.close();
    }

    /** One sibling while it grows. */
    private static final class Choice {
        final int index;
        final Sampler sampler;
        final KvCache cache;
        /** The next token, drawn from the model's distribution after the tokens so far, and its record. */
        int drawn;
        Token drawnToken;
        final List<Token> tokens = new ArrayList<>();
        byte[] text = new byte[64];
        int textLength;
        FinishReason finish = FinishReason.RUNNING;
        /** The token sampled this step, waiting for the batched forward pass. */
        int pending;
        /** Tokens whose keys and values this sibling computed, with their hidden states. */
        int[] forwardedIds = new int[16];
        float[][] forwardedHidden = new float[16][];
        int forwardedCount;
        /** Vocabulary-sized arrays for each step's logits and distribution. */
        float[] logits;
        double[] probabilities;

        Choice(int index, Sampler sampler, KvCache cache) {
            this.index = index;
            this.sampler = sampler;
            this.cache = cache;
        }

        /**
         * Draws the next token from {@code probabilities} (this sibling's own random stream, so
         * siblings may draw at the same time) and makes its record with the alternatives.
         */
        void draw(GgufModel model, double[] probabilities, int alternatives) {
            drawn = sampler.next(probabilities);
            drawnToken = model.token(drawn, probabilities, alternatives, false);
        }

        /** This sibling's logits array, reused from step to step. */
        float[] logits(int vocabulary) {
            if (logits == null) {
                logits = new float[vocabulary];
                probabilities = new double[vocabulary];
            }
            return logits;
        }

        /** {@link #draw} from the distribution of this step's {@link #logits}. */
        void drawFromLogits(GgufModel model, int alternatives) {
            draw(model, GgufModel.probabilities(logits, probabilities), alternatives);
        }

        void forwarded(int id, float[] hidden) {
            if (forwardedCount == forwardedIds.length) {
                forwardedIds = Arrays.copyOf(forwardedIds, forwardedCount * 2);
                forwardedHidden = Arrays.copyOf(forwardedHidden, forwardedCount * 2);
            }
            forwardedIds[forwardedCount] = id;
            forwardedHidden[forwardedCount++] = hidden;
        }

        void append(Token token, byte[] bytes) {
            tokens.add(token);
            if (textLength + bytes.length > text.length) {
                text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + bytes.length));
            }
            System.arraycopy(bytes, 0, text, textLength, bytes.length);
            textLength += bytes.length;
        }
    }
}
