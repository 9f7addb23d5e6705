package dev.weft.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.loom.Alternative;
import dev.weft.loom.Loom;
import dev.weft.loom.Piece;
import dev.weft.loom.TokenRun;
import dev.weft.replay.NodePair;
import dev.weft.replay.NodePairs;
import dev.weft.session.RandomLooms;
import dev.weft.session.Session;
import dev.weft.session.SessionBackends;
import dev.weft.session.SessionStore;
import dev.weft.session.SessionView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export to socketteer/loom's format and import back keeps every node's text and the
 * probabilities of its tokens, on random trees with split characters, invalid bytes, unscored
 * tokens and every edge case of a logprob. What the format cannot hold is lost as documented:
 * an infinite logprob (JSON has none) comes back unknown, an alternative of unknown logprob is
 * dropped, alternatives that spell the same text collapse (they are keys of an object), the
 * token boundaries of text nothing scored are not kept, and every root is a prompt.
 */
class LoomRoundTripTest {
    @TempDir Path dir;

    @Test
    void randomTreesKeepTextAndProbabilities() throws Exception {
        for (long seed = 1; seed <= 25; seed++) {
            Loom original = RandomLooms.grow(seed, 80);
            Loom back = roundTrip(original, "seed-" + seed);
            List<NodePair> pairs = NodePairs.of(original, back);
            assertEquals(original.size(), pairs.size(), "seed " + seed);
            for (NodePair pair : pairs) {
                String where = "seed " + seed + ", node " + pair.left().id();
                assertNotNull(pair.right(), where);
                assertEquals(pair.left().text(), pair.right().text(), where);
                assertEquals(pair.left().bookmarked(), pair.right().bookmarked(), where);
                assertEquals(pair.left().deleted(), pair.right().deleted(), where);
                if (pair.left().parent() != null) {
                    assertEquals(pair.left().origin(), pair.right().origin(), where);
                }
                if (scored(pair.left().tokens())) {
                    assertSameTokens(pair.left().tokens(), pair.right().tokens(), where);
                }
            }
        }
    }

    private Loom roundTrip(Loom loom, String name) throws Exception {
        Session session = new Session(Instant.EPOCH, Instant.EPOCH, 0, SessionBackends.NONE, SessionView.START, loom);
        Path exported = dir.resolve(name + ".loom.json");
        new ObjectMapper().writeValue(exported.toFile(), LoomJsonExport.of(session));
        Path imported = dir.resolve(name + ".json");
        try (SessionStore store = SessionStore.openOrCreate(imported)) {
            TreeImport.record(TreeImport.read(exported, Instant.EPOCH), store);
            store.save();
            return store.loom();
        } finally {
            Files.deleteIfExists(exported);
        }
    }

    private static void assertSameTokens(TokenRun expected, TokenRun actual, String where) {
        assertEquals(expected.size(), actual.size(), where);
        for (int i = 0; i < expected.size(); i++) {
            String at = where + " token " + i;
            assertEquals(expected.piece(i), actual.piece(i), at);
            double logprob = expected.logprob(i);
            assertEquals(Double.isInfinite(logprob) ? Double.NaN : logprob, actual.logprob(i), at);
            assertEquals(keptAlternatives(expected, i), alternatives(actual, i), at);
        }
    }

    /** The alternatives a JSON object of text to logprob keeps: finite ones, the last of each text. */
    private static Map<Piece, Double> keptAlternatives(TokenRun run, int i) {
        Map<Piece, Double> out = new HashMap<>();
        for (Alternative a : run.alternatives(i)) {
            out.remove(a.piece());
            if (Double.isFinite(a.logprob())) {
                out.put(a.piece(), a.logprob());
            }
        }
        return out;
    }

    private static Map<Piece, Double> alternatives(TokenRun run, int i) {
        Map<Piece, Double> out = new HashMap<>();
        run.alternatives(i).forEach(a -> out.put(a.piece(), a.logprob()));
        return out;
    }

    private static boolean scored(TokenRun run) {
        for (int i = 0; i < run.size(); i++) {
            if (!Double.isNaN(run.logprob(i)) || run.alternativeCount(i) > 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theExampleSessionsComeBackWhole() throws Exception {
        for (String name : List.of("branching", "attractor", "distribution")) {
            Loom original;
            try (SessionStore store = SessionStore.openReadOnly(Path.of("sessions", name + ".json"))) {
                original = store.loom();
            }
            Loom back = roundTrip(original, name);
            for (NodePair pair : NodePairs.of(original, back)) {
                assertEquals(pair.left().tokens(), pair.right().tokens(), name + " " + pair.left().id());
            }
        }
    }
}
