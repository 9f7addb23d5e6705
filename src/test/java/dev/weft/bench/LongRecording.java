package dev.weft.bench;

import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.replay.TickingClock;
import dev.weft.session.BackendUse;
import dev.weft.session.SessionException;
import dev.weft.session.SessionStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Records a long session the way the TUI journals one: generations of three completions streamed
 * four tokens at a time with top-5 alternatives, swaps, edits, splits, bookmarks, and a move of the
 * view after each. Deterministic for a seed. {@code java ... dev.weft.bench.LongRecording FILE [ENTRIES]}
 * writes one to try {@code weft replay --headless} on (the benchmark uses 10,000 entries).
 */
public final class LongRecording {
    private static final int CHUNK = 4;
    private static final int CHUNKS = 6;
    private static final int CHOICES = 3;

    private final SessionStore store;
    private final SplittableRandom random;
    private final Generation generation;
    private final List<NodeId> models = new ArrayList<>();

    private LongRecording(SessionStore store, long seed) {
        this.store = store;
        this.random = new SplittableRandom(seed);
        SamplingParams params = SamplingParams.DEFAULTS.withN(CHOICES).withMaxTokens(CHUNK * CHUNKS).withSeed(seed);
        this.generation = new Generation("embedded", "kn4-europarl-en", params, Instant.parse("2026-12-01T10:00:00Z"),
                FinishReason.RUNNING);
    }

    public static void main(String[] args) throws SessionException, IOException {
        write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 10_000, 42);
    }

    /** Writes a new session of at least {@code entries} journal entries to {@code file}. */
    public static void write(Path file, int entries, long seed) throws SessionException, IOException {
        TickingClock clock = new TickingClock(Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMillis(700));
        try (SessionStore store = SessionStore.openOrCreate(file, clock)) {
            LongRecording recording = new LongRecording(store, seed);
            store.recordBackend(new BackendUse("embedded", "embedded", "kn4-europarl-en"));
            while (store.session().journalSeq() < entries) {
                recording.step();
            }
            store.save();
        }
    }

    private void step() throws SessionException {
        Loom loom = store.loom();
        int pick = random.nextInt(10);
        if (loom.size() == 0 || pick == 0) {
            TokenRun prompt = TokenRun.unscored("Mr President, " + random.nextInt(1000));
            look(store.record(new LoomAction.AddRoot(prompt)).node());
        } else if (pick < 6 || models.isEmpty()) {
            generate(randomNode(loom));
        } else if (pick < 8) {
            NodeId node = randomModelNode(loom);
            Node n = loom.node(node);
            if (n.tokens().size() > 1 && n.tokens().alternativeCount(1) > 1) {
                look(store.record(new LoomAction.Swap(node, 1 + random.nextInt(n.tokens().size() - 1), 1)).node());
            }
        } else if (pick == 8) {
            NodeId node = randomNode(loom);
            int length = loom.node(node).text().length();
            look(store.record(new LoomAction.Perturb(node, length / 2, length, " however", false)).node());
        } else {
            store.record(new LoomAction.Bookmark(randomNode(loom), true));
        }
    }

    private void generate(NodeId parent) throws SessionException {
        List<NodeId> nodes = new ArrayList<>();
        for (int i = 0; i < CHOICES; i++) {
            nodes.add(store.record(new LoomAction.Append(parent, TokenRun.EMPTY, Origin.MODEL, generation)).node());
        }
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            for (NodeId node : nodes) {
                store.record(new LoomAction.Extend(node, tokens()));
            }
        }
        for (NodeId node : nodes) {
            store.record(new LoomAction.Finish(node, FinishReason.LENGTH));
        }
        models.addAll(nodes);
        look(nodes.get(0));
    }

    private TokenRun tokens() {
        List<Token> tokens = new ArrayList<>(CHUNK);
        for (int t = 0; t < CHUNK; t++) {
            List<Alternative> top = new ArrayList<>(5);
            for (int a = 0; a < 5; a++) {
                top.add(Alternative.of(" w" + Integer.toString((int) (5000 * Math.pow(random.nextDouble(), 3)), 36),
                        -a - random.nextDouble()));
            }
            tokens.add(new Token(top.get(0).piece(), top.get(0).logprob(), top));
        }
        return TokenRun.of(tokens);
    }

    private NodeId randomNode(Loom loom) {
        List<Node> nodes = new ArrayList<>(loom.nodes());
        return nodes.get(random.nextInt(nodes.size())).id();
    }

    private NodeId randomModelNode(Loom loom) {
        NodeId node = models.get(random.nextInt(models.size()));
        return loom.contains(node) ? node : randomNode(loom);
    }

    private void look(NodeId node) throws SessionException {
        store.recordView(store.view().at(node, 0));
    }
}
