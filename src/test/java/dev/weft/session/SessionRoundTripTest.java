package dev.weft.session;

import static dev.weft.session.SessionAssertions.assertSameSession;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Alternative;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The law: saving a session and loading it back gives the same session, bit for bit. */
class SessionRoundTripTest {
    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void saveThenLoadIsTheIdentity(long seed) throws Exception {
        Session session = randomSession(seed, 1 + (int) (seed % 97));

        byte[] saved = bytes(session);
        Session loaded = SessionReader.read(new ByteArrayInputStream(saved), "seed " + seed);

        assertSameSession(session, loaded);
        assertArrayEquals(saved, bytes(loaded), "writing what was read gives the same bytes");
    }

    @Test
    void aLargeTreeRoundTrips() throws Exception {
        Session session = randomSession(42, 1_000);

        assertSameSession(session, SessionReader.read(write(session)));
    }

    @Test
    void aPathPickedFromTheMultiverseKeepsItsOriginAndRanks() throws Exception {
        Loom.Result root = Loom.empty().addRoot(dev.weft.loom.TokenRun.unscored("Are bugs real?"));
        var beside = List.of(new dev.weft.loom.Alternative(dev.weft.loom.Piece.of(" Yes"), -0.5),
                new dev.weft.loom.Alternative(dev.weft.loom.Piece.of(" No"), -1.2));
        var run = dev.weft.loom.TokenRun.of(List.of(new dev.weft.loom.Token(dev.weft.loom.Piece.of(" No"), -1.2, beside)));
        var g = new dev.weft.loom.Generation("embedded", "kn4", new dev.weft.loom.SamplingParams(0, 1, 5, 0, 1, 1, 5,
                null, List.of()), Instant.parse("2024-05-01T12:00:00Z"), dev.weft.loom.FinishReason.LENGTH);
        Loom loom = root.loom().append(root.node(), run, dev.weft.loom.Origin.PICKED, g).loom();
        Session session = new Session(Instant.parse("2024-05-01T12:00:00Z"), Instant.parse("2024-05-01T12:00:00Z"), 2,
                SessionBackends.NONE, SessionView.START, loom);
        Session loaded = SessionReader.read(write(session));
        assertSameSession(session, loaded);
        assertEquals(dev.weft.loom.Origin.PICKED, loaded.loom().node(new NodeId(1)).origin());
        assertEquals(2, dev.weft.loom.Origin.rank(loaded.loom().node(new NodeId(1)).tokens(), 0));
    }

    @Test
    void equalGenerationsAndPiecesAreWrittenOnceEach() throws Exception {
        // the writer finds repeats by identity first (a big tree's nodes share their objects), equal ones by value
        Loom.Result root = Loom.empty().addRoot(dev.weft.loom.TokenRun.unscored("Once"));
        Loom loom = root.loom();
        String edit = "a long edit that is never interned because it is longer than sixty-four bytes, as typed";
        for (int i = 0; i < 3; i++) {
            var g = new dev.weft.loom.Generation("embedded", "kn4", dev.weft.loom.SamplingParams.DEFAULTS,
                    Instant.parse("2024-05-01T12:00:00Z"), dev.weft.loom.FinishReason.LENGTH);
            var run = dev.weft.loom.TokenRun.of(List.of(new dev.weft.loom.Token(dev.weft.loom.Piece.of(" upon"), -0.5,
                    List.of(new dev.weft.loom.Alternative(dev.weft.loom.Piece.of(edit), -2)))));
            loom = loom.append(root.node(), run, dev.weft.loom.Origin.MODEL, g).loom();
        }
        Session session = new Session(Instant.parse("2024-05-01T12:00:00Z"), Instant.parse("2024-05-01T12:00:00Z"), 0,
                SessionBackends.NONE, SessionView.START, loom);
        Path file = write(session);
        String text = java.nio.file.Files.readString(file);
        String generations = text.substring(text.indexOf("\"generations\":["), text.indexOf("\"nodes\":["));
        assertEquals(1, generations.split("\"backend\"", -1).length - 1, generations);
        assertEquals(1, text.split("\" upon\"", -1).length - 1, "one interned piece, one entry");
        assertSameSession(session, SessionReader.read(file));
    }

    @Test
    void viewStateRoundTrips() throws Exception {
        Loom loom = RandomLooms.grow(7, 20);
        SessionView view = new SessionView(new NodeId(3), 5,
                Map.of("theme", "solarized", "hoisted", "2", "ünïcode", "✓"));
        Session session = new Session(Instant.parse("2024-05-01T12:00:00Z"),
                Instant.parse("2024-05-01T12:30:00.123456789Z"), 17, SessionBackends.NONE, view, loom);

        assertSameSession(session, SessionReader.read(write(session)));
    }

    @Test
    void partialUtf8IsStoredAsBytesAndOnlyThen() throws Exception {
        byte[] han = "中".getBytes(StandardCharsets.UTF_8);
        TokenRun run = TokenRun.of(
                new Token(Piece.ofBytes(new byte[] {han[0]}), -0.5, List.of()),
                new Token(Piece.ofBytes(new byte[] {han[1], han[2]}), -0.25, List.of()),
                Token.of("文", -1.0, List.of()));
        Session session = sessionOf(new LoomAction.AddRoot(run));

        String text = Files.readString(write(session));

        // the piece table holds partial pieces as their bytes, whole ones as text
        assertTrue(text.contains("\n[228],\n[184,173],\n\"文\"\n"), text);
        assertFalse(text.contains("\\xe4"), text);
        assertSameSession(session, SessionReader.read(write(session)));
    }

    @Test
    void logprobsKeepEveryBit() throws Exception {
        float[] edge = {-0.0f, 0.0f, -Float.MIN_VALUE, -Float.MAX_VALUE, -1e-30f, -0.1f, -1 / 3f,
            Float.NEGATIVE_INFINITY};
        Random random = new Random(1);
        List<Token> tokens = new ArrayList<>();
        for (float f : edge) {
            tokens.add(Token.of("x", f, List.of()));
        }
        for (int i = 0; i < 50_000; i++) {
            float any = Float.intBitsToFloat(random.nextInt());
            tokens.add(Token.of("y", any, List.of(Alternative.of("z", -any))));
        }
        Session session = sessionOf(new LoomAction.AddRoot(TokenRun.of(tokens)));

        assertSameSession(session, SessionReader.read(new ByteArrayInputStream(bytes(session)), "floats"));
    }

    @Test
    void terminalControlsAreEscapedInTheFile() throws Exception {
        Session session = sessionOf(new LoomAction.AddRoot(TokenRun.of(
                Token.of("\u001b[2J", -1, List.of()),
                Token.of("\u0085\u009b", -1, List.of()),
                Token.of("\u007f", -1, List.of()))));

        byte[] bytes = Files.readAllBytes(write(session));

        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            assertFalse(b < 0x20 && b != '\n' || b == 0x7f, "raw control byte " + b + " at " + i);
            int next = i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0;
            assertFalse(b == 0xc2 && next >= 0x80 && next <= 0x9f, "raw C1 control at " + i);
        }
        assertSameSession(session, SessionReader.read(write(session)));
    }

    /** A random loom with random view and backends around it. */
    static Session randomSession(long seed, int steps) {
        Loom loom = RandomLooms.grow(seed, steps);
        Random random = new Random(seed);
        NodeId current = loom.size() == 0 ? null : new NodeId(random.nextInt(loom.nextId()));
        Map<String, String> settings = random.nextBoolean() ? Map.of() : Map.of("theme", "dark");
        SessionView view = new SessionView(current, random.nextInt(20), settings);
        SessionBackends backends = SessionBackends.NONE.plus(new BackendUse("embedded", "embedded", "kn4-europarl-en"));
        if (random.nextBoolean()) {
            backends = backends.plus(new BackendUse("work", "openai-chat", "gpt-4o-mini"))
                    .plus(new BackendUse("work", "openai-chat", "gpt-4o"));
        }
        Instant created = Instant.ofEpochSecond(1_700_000_000L + seed, seed * 1_000);
        return new Session(created, created.plusSeconds(seed), seed, backends, view, loom);
    }

    private static Session sessionOf(LoomAction action) {
        return Session.empty(Instant.EPOCH).withLoom(action.apply(Loom.empty()).loom(), 0);
    }

    private Path write(Session session) throws IOException {
        Path file = dir.resolve("session.json");
        AtomicFileWriter.write(file, out -> SessionWriter.write(session, out));
        return file;
    }

    private static byte[] bytes(Session session) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionWriter.write(session, out);
        return out.toByteArray();
    }
}
