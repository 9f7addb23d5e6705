package dev.weft.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.NodeMarks;
import dev.weft.loom.Origin;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * The node lines written byte by byte are the bytes Jackson's generator writes for the same nodes with
 * the file's layout and escapes ({@link #jacksonNodes}: the writer before, kept here as the reference),
 * on random looms, on every number length and logprob bit pattern, on hostile notes and tags, and on
 * nodes and strings longer than the writer's buffer; and a whole file written from a random session
 * reads back as the session.
 */
class NodeLinesTest {
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void randomLoomsAreWrittenAsTheGeneratorWritesThem() throws Exception {
        for (long seed = 1; seed <= 40; seed++) {
            Loom loom = RandomLooms.grow(seed, 150); // marks, deletes, splits, swaps, edits, partial UTF-8, running
            List<Node> nodes = SessionWriter.inFileOrder(loom, SessionView.START);
            assertSameBytes(nodes, "seed " + seed);
        }
    }

    @Test
    void everyNumberLengthAndLogprobPattern() throws Exception {
        List<Node> nodes = new ArrayList<>();
        int[] ids = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 9999, 10_000, 99_999, 100_000, 999_999, 1_000_000,
            9_999_999, 10_000_000, 99_999_999, 100_000_000, 999_999_999, 1_000_000_000, 2_147_483_646, Integer.MAX_VALUE};
        float[] odd = {Float.NaN, Float.intBitsToFloat(0x7fc00001), Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            -0.0f, 0.0f, Float.MIN_VALUE, -Float.MAX_VALUE, -1e-30f, -3.25f};
        Random random = new Random(5);
        for (int k = 0; k < ids.length; k++) {
            List<Token> tokens = new ArrayList<>();
            for (int i = 0; i < k % 7; i++) { // 0 to 6 tokens: every length of base64 padding
                List<Alternative> top = new ArrayList<>();
                for (int j = 0; j < (k + i) % 4; j++) {
                    top.add(new Alternative(Piece.of("a" + j), odd[random.nextInt(odd.length)]));
                }
                tokens.add(new Token(Piece.of("t" + i), odd[random.nextInt(odd.length)], top));
            }
            List<NodeId> children = new ArrayList<>();
            for (int c = 0; c < k % 4; c++) {
                children.add(new NodeId(ids[(k + c + 1) % ids.length]));
            }
            nodes.add(new Node(new NodeId(ids[k]), k == 0 ? null : new NodeId(ids[k - 1]), Origin.values()[k % Origin.values().length],
                    TokenRun.of(tokens), children, null, k % 2 == 0, k % 3 == 0));
        }
        assertSameBytes(nodes, "numbers");
        assertSameBytes(List.of(), "no nodes");
    }

    @Test
    void hostileNotesAndTagsAreEscapedAsTheGeneratorEscapesThem() throws Exception {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) { // C0, DEL, C1, Latin, the bidi and separator marks, CJK's start
            every.append(c);
        }
        List<String> notes = List.of(every.toString(), "plain words", "\"quoted\" and \\ back", "\u001b]0;title\u0007",
                "\u202e\u2066\u2069\u2028\u2029", "🙂 emoji \uD83D\uDE00", "中文", "\u007f\u0080\u009f\u00a0", "/slash/",
                "x".repeat(3 << 20), "é".repeat(1 << 20));
        List<List<String>> tags = List.of(List.of("keep"), List.of("a\"b", "x\\y", "中文", "🙂", "ok"),
                List.of("\u00a9", "tab~", "{braces}"));
        List<Node> nodes = new ArrayList<>();
        for (int k = 0; k < notes.size(); k++) {
            NodeMarks marks = new NodeMarks(tags.get(k % tags.size()), notes.get(k), k % 2 == 1);
            nodes.add(new Node(new NodeId(k), null, Origin.EDIT, TokenRun.unscored("n" + k), List.of(), null, false,
                    false, marks));
        }
        nodes.add(new Node(new NodeId(99), null, Origin.EDIT, TokenRun.EMPTY, List.of(), null, false, false,
                new NodeMarks(List.of(), "", true)));
        assertSameBytes(nodes, "marks");
    }

    @Test
    void nodesLongerThanTheBufferAndSharedGenerations() throws Exception {
        Random random = new Random(3);
        Piece[] pieces = new Piece[700];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = i % 50 == 0 ? Piece.ofBytes(new byte[] {(byte) (0x80 + i % 64)}) : Piece.of(" w" + i);
        }
        Generation shared = new Generation("openai", "m", SamplingParams.DEFAULTS, AT, FinishReason.LENGTH);
        Generation other = new Generation("llama", "n", SamplingParams.DEFAULTS, AT, FinishReason.STOP);
        List<Node> nodes = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            int n = k == 2 ? 250_000 : 1 + random.nextInt(2000); // one node of ~7 MB of text: many buffers
            List<Token> tokens = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                List<Alternative> top = new ArrayList<>();
                for (int j = 0; j < (k == 4 ? 0 : 5); j++) {
                    top.add(new Alternative(pieces[random.nextInt(pieces.length)], -random.nextFloat() * 20));
                }
                tokens.add(new Token(pieces[random.nextInt(pieces.length)], -random.nextFloat() * 20, top));
            }
            nodes.add(new Node(new NodeId(k), k == 0 ? null : new NodeId(k - 1), Origin.MODEL, TokenRun.of(tokens),
                    k == 5 ? List.of() : List.of(new NodeId(k + 1)), k % 3 == 2 ? null : k % 2 == 0 ? shared : other,
                    false, false));
        }
        assertSameBytes(nodes, "long nodes");
    }

    @Test
    void aRandomSessionWrittenWholeReadsBackAsItWas() throws Exception {
        for (long seed = 1; seed <= 10; seed++) {
            Loom loom = RandomLooms.grow(seed, 120);
            Session session = new Session(AT, AT, 3, SessionBackends.NONE, SessionView.START, loom, List.of());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SessionFile.write(session, out);
            java.nio.file.Path file = java.nio.file.Files.createTempFile("node-lines", ".json");
            try {
                java.nio.file.Files.write(file, out.toByteArray());
                Session back = SessionFile.read(file);
                ByteArrayOutputStream again = new ByteArrayOutputStream();
                SessionFile.write(back, again);
                assertEquals(out.toString(StandardCharsets.UTF_8), again.toString(StandardCharsets.UTF_8), "seed " + seed);
                SessionAssertions.assertSameLoom(loom, back.loom());
            } finally {
                java.nio.file.Files.delete(file);
            }
        }
    }

    /** Both writers on the same nodes, with piece and generation indexes as a save assigns them. */
    private static void assertSameBytes(List<Node> nodes, String what) throws IOException {
        Map<Piece, Integer> pieceIndexes = new IdentityHashMap<>();
        Map<Generation, Integer> generations = new IdentityHashMap<>();
        for (Node node : nodes) {
            TokenRun run = node.tokens();
            for (int i = 0; i < run.size(); i++) {
                pieceIndexes.putIfAbsent(run.piece(i), pieceIndexes.size() * 7); // not 0..n: any index shows
                for (int j = 0; j < run.alternativeCount(i); j++) {
                    pieceIndexes.putIfAbsent(run.alternative(i, j).piece(), pieceIndexes.size() * 7);
                }
            }
            if (node.generation() != null) {
                generations.putIfAbsent(node.generation(), generations.size() + 1000);
            }
        }
        ToIntFunction<Piece> index = pieceIndexes::get;
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (JsonGenerator g = SessionFormat.JSON.createGenerator(expected)) {
            g.setPrettyPrinter(new SessionLayout(true));
            jacksonNodes(g, nodes, index, generations);
        }
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        NodeLines.write(actual, nodes, pieceIndexes.size() * 7, index, generations);
        byte[] want = expected.toByteArray();
        byte[] got = actual.toByteArray();
        if (want.length < 1 << 16) {
            assertEquals(new String(want, StandardCharsets.UTF_8), new String(got, StandardCharsets.UTF_8), what);
        }
        assertArrayEquals(want, got, what);
    }

    /** The node array as the Jackson generator wrote it before {@link NodeLines} (the reference). */
    private static void jacksonNodes(JsonGenerator g, List<Node> nodes, ToIntFunction<Piece> pieceIndex,
                                     Map<Generation, Integer> generations) throws IOException {
        SessionLayout.expandNext(g);
        g.writeStartArray();
        for (Node node : nodes) {
            g.writeStartObject();
            g.writeNumberField("id", node.id().value());
            g.writeFieldName("parent");
            if (node.parent() == null) {
                g.writeNull();
            } else {
                g.writeNumber(node.parent().value());
            }
            g.writeStringField("origin", node.origin().label());
            g.writeArrayFieldStart("children");
            for (NodeId child : node.children()) {
                g.writeNumber(child.value());
            }
            g.writeEndArray();
            g.writeBooleanField("bookmarked", node.bookmarked());
            g.writeBooleanField("deleted", node.deleted());
            MarksCodec.writeSet(g, node.marks());
            g.writeFieldName("generation");
            if (node.generation() == null) {
                g.writeNull();
            } else {
                g.writeNumber(generations.get(node.generation()));
            }
            TokenRun run = node.tokens();
            int n = run.size();
            int alternatives = 0;
            g.writeArrayFieldStart("tokens");
            for (int i = 0; i < n; i++) {
                g.writeNumber(pieceIndex.applyAsInt(run.piece(i)));
                alternatives += run.alternativeCount(i);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("top");
            if (alternatives > 0) {
                for (int i = 0; i < n; i++) {
                    g.writeNumber(run.alternativeCount(i));
                }
            }
            g.writeEndArray();
            ByteBuffer logprobs = ByteBuffer.allocate(4 * (n + alternatives));
            g.writeArrayFieldStart("alternatives");
            for (int i = 0; i < n; i++) {
                logprobs.putFloat((float) run.logprob(i));
                for (int j = 0; j < run.alternativeCount(i); j++) {
                    g.writeNumber(pieceIndex.applyAsInt(run.alternative(i, j).piece()));
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < run.alternativeCount(i); j++) {
                    logprobs.putFloat((float) run.alternative(i, j).logprob());
                }
            }
            g.writeEndArray();
            g.writeFieldName("logprobs");
            g.writeBinary(logprobs.array());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
