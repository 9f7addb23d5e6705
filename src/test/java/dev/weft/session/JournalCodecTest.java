package dev.weft.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.loom.FinishReason;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.NodeMarks;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind of journal entry is one line and decodes to exactly what was encoded. */
class JournalCodecTest {
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00.123456789Z");
    private static final NodeId NODE = new NodeId(3);

    @Test
    void everyLoomActionVariantRoundTrips() throws Exception {
        RandomLooms random = new RandomLooms(5);
        TokenRun tokens = random.tokens();
        List<LoomAction> samples = List.of(
                new LoomAction.AddRoot(tokens),
                new LoomAction.Append(NODE, tokens, Origin.MODEL, random.generation()),
                new LoomAction.Append(NODE, TokenRun.unscored("typed"), Origin.EDIT, null),
                new LoomAction.Extend(NODE, tokens),
                new LoomAction.Finish(NODE, FinishReason.CUT),
                new LoomAction.Split(NODE, 2),
                new LoomAction.Join(NODE),
                new LoomAction.Swap(NODE, 1, 4),
                new LoomAction.Perturb(NODE, 0, 7, "a \"new\" ending\n🙂", true),
                new LoomAction.Rescore(NODE, tokens),
                new LoomAction.Delete(NODE),
                new LoomAction.Undelete(NODE),
                new LoomAction.Bookmark(NODE, true),
                new LoomAction.Mark(NODE, new NodeMarks(List.of("keep", "odd-one", "ünïcode"), "a note\nover two lines", true)));

        Set<Class<?>> covered = samples.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(new HashSet<>(Arrays.asList(LoomAction.class.getPermittedSubclasses())), covered,
                "a sample of every LoomAction variant");
        long seq = 1;
        for (LoomAction action : samples) {
            assertRoundTrips(new JournalEntry.Action(seq++, AT, action));
        }
    }

    @Test
    void randomActionsRoundTrip() throws Exception {
        for (long seed = 0; seed < 40; seed++) {
            RandomLooms looms = new RandomLooms(seed);
            for (int i = 1; i <= 50; i++) {
                assertRoundTrips(new JournalEntry.Action(i, AT, looms.step()));
            }
        }
    }

    @Test
    void viewAndBackendEntriesRoundTrip() throws Exception {
        assertRoundTrips(new JournalEntry.ViewChange(8, AT, new SessionView(NODE, 12, Map.of("theme", "paper"))));
        assertRoundTrips(new JournalEntry.ViewChange(9, AT, SessionView.START));
        assertRoundTrips(new JournalEntry.BackendUsed(10, AT, new BackendUse("local", "llamacpp", "qwen2.5-7b")));
    }

    @Test
    void anEntryIsOneLineThatStartsWithSeqAtKind() {
        String line = new String(JournalCodec.encode(new JournalEntry.Action(4, AT, new LoomAction.Split(NODE, 2))),
                StandardCharsets.UTF_8);
        assertEquals("{\"seq\":4,\"at\":\"2024-05-01T12:00:00.123456789Z\",\"kind\":\"split\","
                + "\"node\":3,\"index\":2}\n", line);
    }

    @Test
    void malformedEntriesAreNamedByJournalLineAndColumn() {
        assertEquals("j:7:45: unknown entry kind \"explode\"",
                failure("{\"seq\":1,\"at\":\"2024-05-01T12:00:00Z\",\"kind\":\"explode\",\"node\":3}"));
        assertEquals("j:7:2: expected \"seq\" here: an entry starts with seq, at and kind",
                failure("{\"kind\":\"join\",\"seq\":1,\"at\":\"2024-05-01T12:00:00Z\",\"node\":3}"));
        assertEquals("j:7:1: this split entry is missing \"index\"",
                failure("{\"seq\":1,\"at\":\"2024-05-01T12:00:00Z\",\"kind\":\"split\",\"node\":3}"));
        assertEquals("j:7:61: unknown field \"index\" in a join entry",
                failure("{\"seq\":1,\"at\":\"2024-05-01T12:00:00Z\",\"kind\":\"join\",\"node\":3,\"index\":2}"));
        assertEquals("j:7:8: expected \"seq\" to be an integer >= 1",
                failure("{\"seq\":0,\"at\":\"2024-05-01T12:00:00Z\",\"kind\":\"join\",\"node\":3}"));
        assertEquals("j:7:62: unexpected content after the entry (one entry per line)",
                failure("{\"seq\":1,\"at\":\"2024-05-01T12:00:00Z\",\"kind\":\"join\",\"node\":3} {}"));
    }

    private static String failure(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return assertThrows(SessionException.class, () -> JournalCodec.decode(bytes, 0, bytes.length, "j", 7))
                .getMessage();
    }

    private static void assertRoundTrips(JournalEntry entry) throws SessionException {
        byte[] line = JournalCodec.encode(entry);
        assertEquals(line.length - 1, indexOfNewline(line), "exactly one newline, at the end");
        assertEquals(entry, JournalCodec.decode(line, 0, line.length - 1, "journal", 1));
    }

    private static int indexOfNewline(byte[] line) {
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
