package dev.weft.bench;

import dev.weft.loom.SamplingParams;
import dev.weft.model.Completion;
import dev.weft.model.Prompt;
import dev.weft.model.embedded.EmbeddedModel;
import dev.weft.model.embedded.Gpt2Tokenizer;
import dev.weft.model.embedded.KneserNeyModel;
import dev.weft.model.embedded.ModelCache;
import dev.weft.model.embedded.TrainingCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The embedded model's speed: tokens per second while generating with 20 alternatives per token
 * (what the loom asks for), one full-vocabulary distribution, training on the bundled corpus,
 * and a start that finds the model in the cache.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class EmbeddedModelBench {
    private static final int TOKENS = 64;
    private static final Prompt PROMPT = Prompt.of("Mr President, I would like to");

    private Path cacheDirectory;
    private TrainingCorpus corpus;
    private EmbeddedModel model;
    private SamplingParams params;
    private int[] context;
    private double[] distribution;

    @Setup
    public void setUp() throws Exception {
        cacheDirectory = Files.createTempDirectory("weft-bench-cache");
        corpus = TrainingCorpus.europarl();
        model = EmbeddedModel.open(corpus, EmbeddedModel.DEFAULT_ORDER, ModelCache.at(cacheDirectory));
        params = fullLengthParams();
        context = model.tokenizer().encode(PROMPT);
        distribution = new double[model.tokenizer().vocabularySize()];
    }

    /** A seed whose sample runs the whole {@value #TOKENS} tokens, so every invocation does the same work. */
    private SamplingParams fullLengthParams() throws Exception {
        SamplingParams base = SamplingParams.DEFAULTS.withMaxTokens(TOKENS).withTopLogprobs(20);
        for (long seed = 1; ; seed++) {
            if (model.generate(PROMPT, base.withSeed(seed)).get(0).tokens().size() == TOKENS) {
                return base.withSeed(seed);
            }
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(cacheDirectory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Score = tokens per second (temperature 1, top-20 alternatives, one choice). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(TOKENS)
    public List<Completion> generateWithTop20() throws Exception {
        return model.generate(PROMPT, params);
    }

    /** One exact distribution over all 50257 tokens after a 4-gram context. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double[] fullDistribution() {
        model.ngrams().distribution(context, context.length, distribution);
        return distribution;
    }

    /** Tokenising the bundled corpus and counting an order-4 model (what a first start pays, less the cache write). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public KneserNeyModel trainOnEuroparl() throws Exception {
        Gpt2Tokenizer tokenizer = model.tokenizer();
        int[] stream = tokenizer.encodeDocuments(corpus.documents());
        return KneserNeyModel.train(stream, tokenizer.vocabularySize(), EmbeddedModel.DEFAULT_ORDER);
    }

    /** A later start: hash the corpus, read and check the cached model. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public EmbeddedModel loadFromCache() throws Exception {
        return EmbeddedModel.open(corpus, EmbeddedModel.DEFAULT_ORDER, ModelCache.at(cacheDirectory));
    }
}
