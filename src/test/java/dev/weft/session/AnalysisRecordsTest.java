package dev.weft.session;

import static dev.weft.session.SessionAssertions.assertSameSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.CandidateDistribution;
import dev.weft.analysis.CandidateEstimate;
import dev.weft.analysis.CandidateProbability;
import dev.weft.analysis.CompareRecord;
import dev.weft.analysis.DistRecord;
import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseNode;
import dev.weft.analysis.MultiverseRecord;
import dev.weft.analysis.MultiverseSettings;
import dev.weft.analysis.SweepRecord;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * :dist and :sweep runs, multiverse expansions and comparisons kept in the session: journaled,
 * saved, read back exactly, refused in version 1.
 */
class AnalysisRecordsTest {
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00.5Z");

    @TempDir
    Path dir;

    static DistRecord dist() {
        AnalysisRecord.Side embedded = new AnalysisRecord.Side("embedded", "embedded", "kn-3");
        AnalysisRecord.Side tuned = new AnalysisRecord.Side("tuned", "openai-completions", "gpt-3.5-turbo-instruct");
        CandidateDistribution exact = new CandidateDistribution(List.of(
                CandidateProbability.exact("1", " 1", 0.25), CandidateProbability.exact("42", " 42", 0.0625),
                CandidateProbability.exact("\u001b[31m", " \u001b[31m", 1e-9)));
        CandidateDistribution topK = new CandidateDistribution(List.of(
                new CandidateProbability("1", " 1", 0.5, CandidateEstimate.LOWER_BOUND, Double.NaN),
                new CandidateProbability("42", " 42", 0, CandidateEstimate.BELOW_TOP_K, 0.01),
                new CandidateProbability("100", " 100", 0, CandidateEstimate.UNKNOWN, Double.NaN)));
        return new DistRecord(AT, new NodeId(4), 2, "Pick a number:", "1,42,\u001b[31m", " ", List.of(
                new DistRecord.Run(embedded, exact, null), new DistRecord.Run(tuned, topK, null),
                new DistRecord.Run(new AnalysisRecord.Side("gone", "openai-chat", ""), null, "HTTP 503: overloaded")));
    }

    static SweepRecord sweep() {
        RandomLooms random = new RandomLooms(11);
        SamplingParams p = SamplingParams.DEFAULTS.withN(2).withSeed(7L);
        Generation cold = new Generation("embedded", "kn-3", p.withTemperature(0), AT, FinishReason.LENGTH);
        Generation hot = new Generation("llamacpp", "qwen", p.withTemperature(1.4), AT, FinishReason.STOP)
                .withUnknown(Set.of("top_k", "min_p"));
        AnalysisRecord.Side side = new AnalysisRecord.Side("embedded", "embedded", "kn-3");
        return new SweepRecord(AT, null, 0, "Once", 2, List.of(new SweepRecord.Run(side, List.of(
                new SweepRecord.Row(0, List.of(new SweepRecord.Sample(cold, random.tokens()),
                        new SweepRecord.Sample(cold, random.tokens())), null),
                new SweepRecord.Row(1.4, List.of(new SweepRecord.Sample(hot, random.tokens()),
                        new SweepRecord.Sample(hot, TokenRun.EMPTY)), null),
                new SweepRecord.Row(2, List.of(), "timed out after 60 s")))));
    }

    /** A first expansion with a block ending inside a character, and one below a zoomed block. */
    static MultiverseRecord multiverse(List<Integer> below) {
        AnalysisRecord.Side side = new AnalysisRecord.Side("embedded", "embedded", "kn-3");
        Piece split = Piece.ofBytes(new byte[] {(byte) 0xe2, (byte) 0x80});
        MultiverseNode deep = new MultiverseNode(Piece.of(" cat"), -0.5, 0.3 * Math.exp(-0.5), false, 0.01, List.of());
        MultiverseNode the = new MultiverseNode(Piece.of(" the"), Math.log(0.3), 0.3, false, 0.3 - deep.pathProbability(),
                List.of(deep));
        MultiverseNode dash = new MultiverseNode(split, Math.log(0.1), 0.1, false, 0.1, List.of());
        MultiverseNode end = new MultiverseNode(Piece.EMPTY, Math.log(0.05), 0.05, true, 0, List.of());
        MultiverseNode root = new MultiverseNode(Piece.EMPTY, 0, 1, false, 0.55, List.of(the, dash, end));
        return new MultiverseRecord(AT, new NodeId(2), 1, below.isEmpty() ? "Once upon" : "Once upon the", side, below,
                new Multiverse(new MultiverseSettings(3, 4, 0.002), List.of(), 1, root, 7, 1));
    }

    /** Two sides: one answered with its samples, one failed. */
    static CompareRecord compare() {
        RandomLooms random = new RandomLooms(5);
        SamplingParams p = SamplingParams.DEFAULTS.withN(2).withSeed(3L).withTemperature(0.8);
        Generation g = new Generation("embedded", "kn-3", p, AT, FinishReason.LENGTH);
        return new CompareRecord(AT, new NodeId(3), 4, "Are bugs real?", p, List.of(
                new CompareRecord.Run(new AnalysisRecord.Side("embedded", "embedded", "kn-3"),
                        List.of(new SweepRecord.Sample(g, random.tokens()), new SweepRecord.Sample(g, random.tokens())), null),
                new CompareRecord.Run(new AnalysisRecord.Side("tuned", "", ""), List.of(), "HTTP 429: quota")));
    }

    static List<AnalysisRecord> all() {
        return List.of(dist(), sweep(), multiverse(List.of()), multiverse(List.of(0)), compare());
    }

    @Test
    void distAndSweepEntriesAreOneJournalLineEachAndDecodeToWhatWasRecorded() throws Exception {
        for (AnalysisRecord record : all()) {
            JournalEntry entry = new JournalEntry.AnalysisRun(5, record);
            byte[] line = JournalCodec.encode(entry);
            String text = new String(line, StandardCharsets.UTF_8);
            assertEquals(text.length() - 1, text.indexOf('\n'), "one line");
            assertTrue(text.startsWith("{\"seq\":5,\"at\":\"2024-05-01T12:00:00.500Z\",\"kind\":\"" + record.kind() + "\""),
                    text);
            assertFalse(text.contains("\u001b"), "escapes are written escaped");
            assertEquals(entry, JournalCodec.decode(line, 0, line.length - 1, "j", 1));
        }
    }

    @Test
    void aSessionKeepsItsAnalysesInTheFileAndOneWithoutAnyHasNoSuchField() throws Exception {
        Session plain = new Session(AT, AT, 3, SessionBackends.NONE, SessionView.START, RandomLooms.grow(3, 10));
        Session kept = new Session(AT, AT, 3, SessionBackends.NONE, SessionView.START, plain.loom(), all());

        assertFalse(text(plain).contains("\"analyses\""), "optional: absent when there are none");
        String file = text(kept);
        assertTrue(file.contains("\n\"analyses\":[\n{\"kind\":\"dist\",\"at\":\"2024-05-01T12:00:00.500Z\","), file);
        Session read = SessionReader.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "s");
        assertSameSession(kept, read);
        assertEquals(all(), read.analyses(), "the multiverse's blocks and the comparison's samples, exactly");
        assertEquals(file, text(read), "writing what was read gives the same text");
    }

    @Test
    void aVersionOneFileHasNoAnalysesAndOneWithThemIsRefused() throws Exception {
        String v1 = "{\"format\":\"weft-session\",\"version\":1,\"created\":\"2024-05-01T12:00:00Z\","
                + "\"saved\":\"2024-05-01T12:00:00Z\",\"journal_seq\":0,\"backends\":{},"
                + "\"view\":{\"current\":null,\"cursor\":0,\"settings\":{}},\"analyses\":[],\"next_id\":0,"
                + "\"roots\":[],\"nodes\":[]}";
        SessionException e = assertThrows(SessionException.class, () -> SessionReader.read(
                new ByteArrayInputStream(v1.getBytes(StandardCharsets.UTF_8)), "old.json"));
        assertEquals("old.json:1:181: unknown field \"analyses\" in a version-1 session", e.getMessage());
        Session read = SessionReader.read(new ByteArrayInputStream(v1.replace("\"analyses\":[],", "")
                .getBytes(StandardCharsets.UTF_8)), "old.json");
        assertEquals(List.of(), read.analyses());
    }

    @Test
    void aBrokenAnalysisIsNamedWhereItIs() {
        String line = "{\"seq\":1,\"at\":\"2024-05-01T12:00:00Z\",\"kind\":\"dist\",\"node\":null,\"cursor\":0,"
                + "\"context\":\"x\",\"spec\":\"a,b\",\"prefix\":\" \",\"runs\":[{\"profile\":\"e\",\"backend\":\"e\","
                + "\"model\":\"m\",\"failure\":null,\"candidates\":[{\"candidate\":\"a\",\"continuation\":\" a\","
                + "\"probability\":1.5,\"estimate\":\"exact\",\"at_most\":null}]}]}";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        SessionException e = assertThrows(SessionException.class, () -> JournalCodec.decode(bytes, 0, bytes.length, "j", 3));
        assertEquals("j:3:244: expected \"probability\" to be a probability from 0 to 1", e.getMessage());
    }

    @Test
    void aBrokenMultiverseBlockIsNamedWhereItIs() {
        String line = "{\"seq\":1,\"at\":\"2024-05-01T12:00:00Z\",\"kind\":\"multiverse\",\"node\":null,\"cursor\":0,"
                + "\"context\":\"x\",\"profile\":\"e\",\"backend\":\"e\",\"model\":\"m\",\"depth\":2,\"top_k\":3,"
                + "\"floor\":0,\"below\":[],\"model_calls\":1,\"unexpanded\":0,\"pruned\":0,\"blocks\":[{\"text\":\"a\","
                + "\"logprob\":0.5,\"p\":1,\"pruned\":0,\"ends\":false,\"blocks\":[]}]}";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        SessionException e = assertThrows(SessionException.class, () -> JournalCodec.decode(bytes, 0, bytes.length, "j", 3));
        assertTrue(e.getMessage().startsWith("j:3:") && e.getMessage().endsWith(
                "expected \"logprob\" to be a logprob (a finite number <= 0)"), e.getMessage());
        String noBlocks = line.replace(",\"blocks\":[{\"text\":\"a\",\"logprob\":0.5,\"p\":1,\"pruned\":0,\"ends\":false,"
                + "\"blocks\":[]}]", "");
        byte[] missing = noBlocks.getBytes(StandardCharsets.UTF_8);
        e = assertThrows(SessionException.class, () -> JournalCodec.decode(missing, 0, missing.length, "j", 3));
        assertTrue(e.getMessage().contains("\"blocks\""), e.getMessage());
    }

    @Test
    void aRecordedRunSurvivesAKillAndIsInTheFileAfterASave() throws Exception {
        Path file = dir.resolve("s.json");
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        SessionStore store = SessionStore.openOrCreate(file, clock);
        store.record(new LoomAction.AddRoot(TokenRun.unscored("Pick a number:")));
        for (AnalysisRecord r : all()) {
            store.recordAnalysis(r);
        }
        // killed: no save, no close; the journal holds everything
        try (SessionStore reopened = SessionStore.openReadOnly(file)) {
            assertEquals(all(), reopened.session().analyses());
        }
        store.save();
        store.close();
        assertTrue(Files.readString(file).contains("\"analyses\""), "the save writes the analyses into the file");
        assertEquals(all(), SessionFile.read(file).analyses());
        try (SessionStore reopened = SessionStore.open(file, clock)) {
            assertEquals(all(), reopened.session().analyses());
        }
    }

    private static String text(Session session) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionWriter.write(session, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
