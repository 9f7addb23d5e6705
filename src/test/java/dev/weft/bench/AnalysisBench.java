package dev.weft.bench;

import dev.weft.analysis.AttractorExperiment;
import dev.weft.analysis.AttractorReport;
import dev.weft.analysis.CandidateDistribution;
import dev.weft.analysis.CandidateScoring;
import dev.weft.analysis.Ending;
import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseExpansion;
import dev.weft.analysis.MultiverseSettings;
import dev.weft.analysis.NextTokens;
import dev.weft.analysis.PerturbationPlan;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Prompt;
import dev.weft.model.embedded.EmbeddedModel;
import dev.weft.model.embedded.ModelCache;
import dev.weft.model.embedded.TrainingCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The analysis views on the embedded model (Europarl, order 4): a block multiverse as the issue
 * asks for it (depth 6, top 5, floor 0.001) and a shallower one, the integers 0..100 as candidate
 * answers, and an attractor experiment with five swaps.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AnalysisBench {
    private static final Prompt QUESTION = Prompt.of("Are bugs real?");
    private static final Prompt INTEGER =
            Prompt.of("Q: Tell me a random integer between 0 and 100.\nA: Ok, the integer is");
    private static final List<String> ZERO_TO_HUNDRED =
            IntStream.rangeClosed(0, 100).mapToObj(Integer::toString).toList();

    private Path cacheDirectory;
    private EmbeddedModel model;

    @Setup
    public void setUp() throws Exception {
        cacheDirectory = Files.createTempDirectory("weft-bench-cache");
        model = EmbeddedModel.open(TrainingCorpus.europarl(), EmbeddedModel.DEFAULT_ORDER,
                ModelCache.at(cacheDirectory));
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(cacheDirectory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public Multiverse multiverseDepth6Top5Floor0001() throws Exception {
        return MultiverseExpansion.expand(NextTokens.of(model), QUESTION, new MultiverseSettings(6, 5, 0.001));
    }

    @Benchmark
    public Multiverse multiverseDepth4Top5Floor0() throws Exception {
        return MultiverseExpansion.expand(NextTokens.of(model), QUESTION, new MultiverseSettings(4, 5, 0));
    }

    @Benchmark
    public CandidateDistribution distZeroToHundred() throws Exception {
        return CandidateScoring.score(model, INTEGER, ZERO_TO_HUNDRED, " ");
    }

    /** The temperature-0 completion of 48 tokens and five swaps, each regenerated for up to 48 tokens. */
    @Benchmark
    public AttractorReport attractorFiveSwaps() throws Exception {
        return AttractorExperiment.run(model, Prompt.of("Mr President, I would like to"),
                SamplingParams.DEFAULTS.withSeed(1L), 0, new Ending.LastSentence(), new PerturbationPlan.Swaps(5, 1));
    }
}
