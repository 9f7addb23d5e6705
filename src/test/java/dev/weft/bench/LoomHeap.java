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
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Heap retained by a loom of a million tokens with top-5 alternatives (10,000 nodes of 100
 * tokens over a 50,000-token vocabulary), measured as used heap after full GCs.
 */
public final class LoomHeap {
    private LoomHeap() {}

    public static Loom build(int nodes, int tokensPerNode, int alternatives, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] vocabulary = new String[50_000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = " w" + Integer.toString(i, 36);
        }
        Generation gen = new Generation("embedded", "bench", SamplingParams.DEFAULTS, Instant.EPOCH, FinishReason.LENGTH);
        Loom.Result r = Loom.empty().addRoot(TokenRun.unscored("prompt"));
        Loom loom = r.loom();
        List<NodeId> ids = new ArrayList<>(List.of(r.node()));
        for (int n = 0; n < nodes; n++) {
            List<Token> tokens = new ArrayList<>(tokensPerNode);
            for (int t = 0; t < tokensPerNode; t++) {
                List<Alternative> top = new ArrayList<>(alternatives);
                for (int a = 0; a < alternatives; a++) {
                    top.add(Alternative.of(vocabulary[zipf(random, vocabulary.length)], -a - random.nextDouble()));
                }
                tokens.add(new Token(top.get(0).piece(), top.get(0).logprob(), top));
            }
            NodeId parent = ids.get(random.nextInt(ids.size()));
            Loom.Result added = loom.append(parent, TokenRun.of(tokens), Origin.MODEL, gen);
            loom = added.loom();
            ids.add(added.node());
        }
        return loom;
    }

    /** Word frequencies in text are roughly Zipfian; a uniform draw would overstate distinct pieces. */
    private static int zipf(SplittableRandom random, int size) {
        return (int) Math.min(size - 1, Math.floor(Math.exp(random.nextDouble() * Math.log(size))) - 1);
    }

    public static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) {
        report();
    }

    public static void report() {
        long before = usedHeap();
        Loom loom = build(10_000, 100, 5, 1);
        long after = usedHeap();
        System.out.printf("loom heap: %,d tokens with top-5 alternatives in %,d nodes retain %.1f MB (%.1f bytes/token)%n",
                loom.tokenCount(), loom.size(), (after - before) / 1e6, (after - before) / (double) loom.tokenCount());
    }
}
