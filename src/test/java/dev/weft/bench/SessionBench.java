package dev.weft.bench;

import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.session.Session;
import dev.weft.session.SessionBackends;
import dev.weft.session.SessionException;
import dev.weft.session.SessionFile;
import dev.weft.session.SessionView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Save and load of a session of 100,000 model nodes (10 tokens each with top-5 alternatives, a
 * million tokens in all, each node under a random earlier one). Save is the whole atomic write
 * (stream, fsync, rename); load reads and checks the file and rebuilds the loom.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SessionBench {
    static final int NODES = 100_000;
    static final int TOKENS_PER_NODE = 10;
    static final int ALTERNATIVES = 5;

    private Path dir;
    private Path saved;
    private Path scratch;
    private Session session;

    @Setup
    public void setUp() throws IOException, SessionException {
        session = session(tree(NODES, TOKENS_PER_NODE, ALTERNATIVES, 42));
        dir = Files.createTempDirectory("weft-session-bench");
        saved = dir.resolve("bench.json");
        scratch = dir.resolve("scratch.json");
        SessionFile.write(saved, session);
        System.out.printf("%n[session] %,d nodes, %,d tokens: file %,d bytes (%.1f MB)%n", session.loom().size(),
                session.loom().tokenCount(), Files.size(saved), Files.size(saved) / 1e6);
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public Path save() throws SessionException {
        SessionFile.write(scratch, session);
        return scratch;
    }

    @Benchmark
    public Session load() throws SessionException {
        return SessionFile.read(saved);
    }

    /** A bushy tree of model completions over a Zipf-like vocabulary of 50,000 words. */
    static Loom tree(int nodes, int tokensPerNode, int alternatives, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] vocabulary = new String[50_000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = " w" + Integer.toString(i, 36);
        }
        Generation generation = new Generation("embedded", "kn4-europarl-en", SamplingParams.DEFAULTS,
                Instant.parse("2024-05-01T12:00:00Z"), FinishReason.LENGTH);
        Loom.Result root = Loom.empty().addRoot(TokenRun.unscored("Mr President,"));
        Loom loom = root.loom();
        List<NodeId> ids = new ArrayList<>(List.of(root.node()));
        while (loom.size() < nodes) {
            List<Token> tokens = new ArrayList<>(tokensPerNode);
            for (int t = 0; t < tokensPerNode; t++) {
                List<Alternative> top = new ArrayList<>(alternatives);
                for (int a = 0; a < alternatives; a++) {
                    int word = (int) (vocabulary.length * Math.pow(random.nextDouble(), 3));
                    top.add(Alternative.of(vocabulary[word], -a - random.nextDouble()));
                }
                tokens.add(new Token(top.get(0).piece(), top.get(0).logprob(), top));
            }
            Loom.Result added = loom.append(ids.get(random.nextInt(ids.size())), TokenRun.of(tokens), Origin.MODEL,
                    generation);
            loom = added.loom();
            ids.add(added.node());
        }
        return loom;
    }

    private static Session session(Loom loom) {
        Instant created = Instant.parse("2024-05-01T12:00:00Z");
        return new Session(created, created, 0, SessionBackends.NONE,
                SessionView.START.at(loom.roots().get(0), 0), loom);
    }
}
