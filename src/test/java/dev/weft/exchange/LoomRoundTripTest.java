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
 * tokens and every edge case of a logprob. What the format cannot hold is lost as documented: a
 * token of unknown or infinite logprob (loom's readers need a number, JSON has no infinity) comes
 * back as unscored text with its neighbours of the same kind (in text that is not UTF-8 as a
 * token of unknown logprob), an alternative of unknown logprob is
 * dropped, alternatives that spell the same text collapse (they are keys of an object), and every
 * root is a prompt.
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

    /** The tokens with a logprob come back one for one; the text between them is the node's text. */
    private static void assertSameTokens(TokenRun expected, TokenRun actual, String where) {
        List<Integer> kept = finite(expected);
        List<Integer> back = finite(actual);
        assertEquals(kept.size(), back.size(), where);
        for (int k = 0; k < kept.size(); k++) {
            int i = kept.get(k);
            int j = back.get(k);
            String at = where + " token " + i;
            assertEquals(expected.piece(i), actual.piece(j), at);
            assertEquals(expected.logprob(i), actual.logprob(j), at);
            assertEquals(keptAlternatives(expected, i), alternatives(actual, j), at);
        }
    }

    private static List<Integer> finite(TokenRun run) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            if (Double.isFinite(run.logprob(i))) {
                out.add(i);
            }
        }
        return out;
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
            if (Double.isFinite(run.logprob(i))) {
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
