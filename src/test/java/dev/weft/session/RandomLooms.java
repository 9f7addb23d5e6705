package dev.weft.session;

import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Grows a loom from a seed through the real operations, the way exploring would: prompts,
 * completions with alternatives, extensions, splits, swaps, edits, rescoring into partial
 * UTF-8 pieces, deletes, bookmarks, finishes. Every action it returns applies; the same seed
 * gives the same actions. The generator behind the save/load and journal properties.
 */
public final class RandomLooms {
    private static final List<String> TAGS = List.of("keep", "odd", "中文", "🙂", "a\"b", "x\\y");
    private static final List<String> WORDS = List.of(" the", " a", "Hello", ",", ".", "\n", "\t", " \"quoted\"",
            "\\", "é", "中文", "🙂", "\u001b[31m", "\u0085", "\u2028", "\u0000", "", " Mr", " President", "-9999");
    /** Byte-level BPE pieces that end or start inside a UTF-8 character, and one byte that is never UTF-8. */
    private static final List<byte[]> PARTIAL = List.of(new byte[] {(byte) 0xe4}, new byte[] {(byte) 0xb8, (byte) 0xad},
            new byte[] {(byte) 0xf0, (byte) 0x9f}, new byte[] {(byte) 0x99, (byte) 0x82}, new byte[] {(byte) 0xc3},
            new byte[] {(byte) 0xff});

    private final Random random;
    private final List<NodeId> ids = new ArrayList<>();
    private Loom loom = Loom.empty();
    /** Every generation ends: for the store's tests, where opening marks a running one cut. */
    private boolean ended;

    public RandomLooms(long seed) {
        this.random = new Random(seed);
    }

    /** Random looms whose generations all end (RUNNING becomes CUT; the same draws otherwise). */
    public static RandomLooms ended(long seed) {
        RandomLooms looms = new RandomLooms(seed);
        looms.ended = true;
        return looms;
    }

    /** The loom after {@code steps} random actions from {@code seed}. */
    public static Loom grow(long seed, int steps) {
        RandomLooms looms = new RandomLooms(seed);
        for (int i = 0; i < steps; i++) {
            looms.step();
        }
        return looms.loom();
    }

    public Loom loom() {
        return loom;
    }

    /** Goes on from a tree read back from disk (the crash harness's next round). */
    public void continueFrom(Loom existing) {
        loom = existing;
        ids.clear();
        existing.nodes().forEach(n -> ids.add(n.id()));
        ids.sort(null);
    }

    /** Picks an action that applies to the current loom, applies it and returns it. */
    public LoomAction step() {
        LoomAction action = pick();
        int before = loom.nextId();
        loom = action.apply(loom).loom();
        for (int id = before; id < loom.nextId(); id++) {
            ids.add(new NodeId(id));
        }
        if (action instanceof LoomAction.Join) {
            ids.removeIf(id -> !loom.contains(id));
        }
        return action;
    }

    /** A run of 1 to 12 tokens, some partial UTF-8, some unscored, most with alternatives. */
    public TokenRun tokens() {
        List<Token> tokens = new ArrayList<>();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            tokens.add(new Token(piece(), logprob(), alternatives()));
        }
        return TokenRun.of(tokens);
    }

    public Generation generation() {
        SamplingParams params = new SamplingParams(
                random.nextBoolean() ? 0.0 : random.nextDouble() * 2, 1 - random.nextDouble() * 0.99,
                random.nextInt(50), random.nextDouble(), random.nextInt(512), 1 + random.nextInt(8),
                random.nextInt(21), random.nextBoolean() ? null : random.nextLong(),
                random.nextBoolean() ? List.of() : List.of("\n", "###", "\"é\""));
        Instant at = Instant.ofEpochSecond(1_600_000_000L + random.nextInt(200_000_000), random.nextInt(1_000_000_000));
        return new Generation(random.nextBoolean() ? "embedded" : "openai-completions",
                random.nextBoolean() ? "kn4-europarl-en" : "gpt-3.5-turbo-instruct", params, at, finish());
    }

    private LoomAction pick() {
        if (ids.isEmpty() || random.nextInt(40) == 0) {
            return new LoomAction.AddRoot(random.nextInt(8) == 0 ? TokenRun.unscored("Mr President,") : tokens());
        }
        NodeId id = ids.get(random.nextInt(ids.size()));
        Node node = loom.node(id);
        int size = node.tokens().size();
        switch (random.nextInt(14)) {
            case 0:
                return new LoomAction.Extend(id, tokens());
            case 1:
                if (node.generation() != null) {
                    return new LoomAction.Finish(id, finish());
                }
                break;
            case 2:
                if (size >= 2) {
                    return new LoomAction.Split(id, 1 + random.nextInt(size - 1));
                }
                break;
            case 3:
                if (node.children().size() == 1 && loom.node(node.children().get(0)).origin() == node.origin()) {
                    return new LoomAction.Join(id);
                }
                break;
            case 4:
                for (int i = 0; i < size; i++) {
                    int count = node.tokens().alternativeCount(i);
                    if (count > 0) {
                        return new LoomAction.Swap(id, i, random.nextInt(count));
                    }
                }
                break;
            case 5:
                int length = node.text().length();
                int start = random.nextInt(length + 1);
                int end = start + random.nextInt(length - start + 1);
                String replacement = WORDS.get(random.nextInt(WORDS.size()));
                return new LoomAction.Perturb(id, start, end, replacement, random.nextBoolean());
            case 6:
                return new LoomAction.Rescore(id, retokenised(node.tokens().bytes()));
            case 7:
                return new LoomAction.Delete(id);
            case 8:
                return new LoomAction.Undelete(id);
            case 9:
                return new LoomAction.Bookmark(id, random.nextBoolean());
            case 10:
                List<String> tags = random.nextBoolean() ? List.of()
                        : List.of(TAGS.get(random.nextInt(TAGS.size())), TAGS.get(random.nextInt(TAGS.size())));
                String note = random.nextInt(3) == 0 ? "" : WORDS.get(random.nextInt(WORDS.size())) + "\n🙂";
                return new LoomAction.Mark(id, new dev.weft.loom.NodeMarks(tags, note, random.nextBoolean()));
            default:
                break;
        }
        boolean model = random.nextInt(4) > 0;
        return new LoomAction.Append(id, tokens(), model ? Origin.MODEL : Origin.values()[random.nextInt(4)],
                model ? generation() : null);
    }

    /** The same bytes cut at random places, so rescoring yields pieces that split characters. */
    private TokenRun retokenised(byte[] bytes) {
        List<Token> tokens = new ArrayList<>();
        for (int from = 0; from < bytes.length; ) {
            int to = Math.min(bytes.length, from + 1 + random.nextInt(6));
            tokens.add(new Token(Piece.ofBytes(Arrays.copyOfRange(bytes, from, to)), logprob(), alternatives()));
            from = to;
        }
        return TokenRun.of(tokens);
    }

    private Piece piece() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return Piece.ofBytes(PARTIAL.get(random.nextInt(PARTIAL.size())));
        }
        if (kind == 1) {
            byte[] ascii = new byte[1 + random.nextInt(8)];
            for (int i = 0; i < ascii.length; i++) {
                ascii[i] = (byte) (0x20 + random.nextInt(0x5f));
            }
            return Piece.of(new String(ascii, StandardCharsets.US_ASCII));
        }
        return Piece.of(WORDS.get(random.nextInt(WORDS.size())));
    }

    /** Mostly ordinary logprobs, with the edge cases a file must keep bit for bit. */
    private double logprob() {
        switch (random.nextInt(20)) {
            case 0:
                return Double.NaN;
            case 1:
                return Double.NEGATIVE_INFINITY;
            case 2:
                return random.nextBoolean() ? 0.0 : -0.0;
            case 3:
                return -Float.MIN_VALUE * (1 + random.nextInt(100)); // subnormal floats
            case 4:
                return -Float.MAX_VALUE;
            default:
                return -random.nextFloat() * 20;
        }
    }

    private List<Alternative> alternatives() {
        if (random.nextInt(10) < 3) {
            return List.of();
        }
        List<Alternative> top = new ArrayList<>();
        for (int i = 1 + random.nextInt(5); i > 0; i--) {
            top.add(new Alternative(piece(), logprob()));
        }
        return top;
    }

    private FinishReason finish() {
        FinishReason f = FinishReason.values()[random.nextInt(FinishReason.values().length)];
        return ended && f == FinishReason.RUNNING ? FinishReason.CUT : f;
    }
}
