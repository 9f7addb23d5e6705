package dev.weft.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft tree}'s outline read straight from a version-2 file's bytes is the outline of the loom
 * the whole read builds, line for line; and whatever that reader cannot vouch for (version 1, a
 * journal that changes the tree, any damage, hostile edits that stay JSON) it leaves to the whole
 * read, which reports the error in its words.
 */
class OutlineReaderTest {
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void randomSessionsAreOutlinedWithoutTheLoom() throws Exception {
        for (long seed = 1; seed <= 30; seed++) {
            Loom loom = RandomLooms.grow(seed, 150); // marks, deletes, splits, swaps, edits, partial UTF-8, running
            Path file = write("random-" + seed + ".json", loom);
            for (int preview : new int[] {8, 20, 60}) {
                TreeOutline fast = OutlineReader.read(file, preview);
                assertNotNull(fast, "seed " + seed + ": a file weft wrote is read without the loom");
                assertSameOutline(whole(file), fast, preview, "seed " + seed + ", preview " + preview);
            }
            TreeOutline halves = OutlineReader.read(file, 60, 0);
            assertNotNull(halves, "seed " + seed + ": read in two halves");
            assertSameOutline(whole(file), halves, 60, "seed " + seed + ", in two halves");
        }
    }

    @Test
    void longTextsKeepTheirPreviews() throws Exception {
        List<byte[]> pieces = List.of("é".getBytes(StandardCharsets.UTF_8), "中文".getBytes(StandardCharsets.UTF_8),
                "🙂".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xf0, (byte) 0x9f}, new byte[] {(byte) 0x99},
                new byte[] {(byte) 0x82, 'a'}, new byte[] {(byte) 0xe4}, new byte[] {(byte) 0xff},
                "\u0085\n\t\u202e".getBytes(StandardCharsets.UTF_8), " word".getBytes(StandardCharsets.UTF_8),
                "\u001b[31m".getBytes(StandardCharsets.UTF_8));
        Random random = new Random(11);
        Loom loom = Loom.empty();
        for (int node = 0; node < 60; node++) {
            List<Token> tokens = new ArrayList<>();
            for (int i = 1 + random.nextInt(300); i > 0; i--) {
                tokens.add(new Token(Piece.ofBytes(pieces.get(random.nextInt(pieces.size()))),
                        random.nextInt(5) == 0 ? Double.NaN : -random.nextDouble() * 3, List.of()));
            }
            loom = new LoomAction.AddRoot(TokenRun.of(tokens)).apply(loom).loom();
        }
        Path file = write("long.json", loom);
        TreeOutline expected = whole(file);
        for (int preview = 8; preview <= 90; preview += 7) {
            TreeOutline fast = OutlineReader.read(file, preview);
            assertNotNull(fast);
            assertSameOutline(expected, fast, preview, "preview " + preview);
        }
    }

    @Test
    void aJournalOfViewsKeepsTheFastReadAndOneOfTreeChangesReadsWhole() throws Exception {
        Loom loom = RandomLooms.grow(7, 60);
        Path file = write("journal.json", loom);
        NodeId root = loom.roots().get(0);
        try (SessionStore store = SessionStore.open(file)) {
            store.forceSave(); // the random tree's unfinished generations, cut on opening, go into the file
            store.recordView(new SessionView(root, 1, Map.of("theme", "dark")));
        }
        TreeOutline viewed = OutlineReader.read(file, 60);
        assertNotNull(viewed, "view entries do not change the tree");
        assertSameOutline(whole(file), viewed, 60, "view entries");
        try (SessionStore store = SessionStore.open(file)) {
            store.record(new LoomAction.Bookmark(root, true));
            store.record(new LoomAction.Delete(loom.node(root).children().isEmpty() ? root : loom.node(root).children().get(0)));
        }
        assertNull(OutlineReader.read(file, 60), "a journal that changes the tree is replayed on the whole read");
        TreeOutline changed = TreeOutline.read(file, 60);
        assertTrue(changed.byId()[root.value()].bookmarked(), "the unsaved change shows");
        assertSameOutline(whole(file), changed, 60, "unsaved tree changes");
    }

    @Test
    void runningGenerationsAreCountedAsTheWholeReadCountsThem() throws Exception {
        for (long seed = 1; seed <= 30; seed++) {
            Path file = write("running-" + seed + ".json", RandomLooms.grow(seed, 150));
            assertEquals(whole(file).warnings(), OutlineReader.read(file, 60).warnings(), "seed " + seed);
        }
    }

    @Test
    void versionOneFilesReadWhole() throws Exception {
        Path v1 = Path.of(getClass().getResource("example-v1.json").toURI());
        assertNull(OutlineReader.read(v1, 60));
        assertSameOutline(whole(v1), TreeOutline.read(v1, 60), 60, "version 1");
        Path v2 = Path.of(getClass().getResource("example-v2.json").toURI());
        assertNotNull(OutlineReader.read(v2, 60));
        assertSameOutline(whole(v2), TreeOutline.read(v2, 60), 60, "version 2");
    }

    @Test
    void hostileEditsThatStayJsonAreLeftToTheWholeRead() throws Exception {
        Loom loom = RandomLooms.grow(5, 40);
        String text = Files.readString(write("base.json", loom));
        String first = "\"nodes\":[\n{\"id\":";
        int nodes = text.indexOf(first);
        String[][] edits = {
                {"\"deleted\":false", "\"deleted\":false,\"deleted\":false"},   // a field twice
                {"\"bookmarked\":false,", ""},                                  // a field missing
                {"\"deleted\":false", "\"deleted\":false,\"colour\":1"},        // an unknown field
                {"\"tokens\":[", "\"tokens\":[99999999,"},                      // a piece out of range
                {"\"alternatives\":[", "\"alternatives\":[99999999,"},          // an alternative out of range
                {"\"top\":[", "\"top\":[1,"},                                   // counts that do not match
                {"\"logprobs\":\"", "\"logprobs\":\"AAAA"},                     // logprobs of the wrong length
                {"\"logprobs\":\"", "\"logprobs\":\"*"},                        // not base64
                {"\"origin\":\"model\"", "\"origin\":\"dream\""},              // no such origin
                {"\"generation\":0", "\"generation\":9999"},                    // no such generation
                {"\"deleted\":false", "\"deleted\":false,\"tags\":[\"two words\"]"}, // not a tag
                {"\"deleted\":false", "\"deleted\":false,\"note\":\"\\x\"}"},   // a bad escape
                {"\"parent\":null", "\"parent\":3"},                           // a root with a parent
                {"\"children\":[", "\"children\":[0,"},                        // a child twice / another parent's
                {"\"bookmarked\":false", "\"bookmarked\":0"},                   // not a boolean
        };
        int tried = 0;
        for (String[] edit : edits) {
            int at = text.indexOf(edit[0], nodes);
            if (at < 0) {
                continue;
            }
            tried++;
            Path bad = dir.resolve("bad-" + tried + ".json");
            Files.writeString(bad, text.substring(0, at) + edit[1] + text.substring(at + edit[0].length()));
            SessionException error = assertThrows(SessionException.class, () -> whole(bad), edit[1]);
            assertNull(OutlineReader.read(bad, 60), edit[1]);
            SessionException said = assertThrows(SessionException.class, () -> TreeOutline.read(bad, 60), edit[1]);
            assertEquals(error.getMessage(), said.getMessage());
        }
        assertTrue(tried >= 12, "the edits found their places: " + tried);
        Path extra = dir.resolve("id-past-next.json");
        Files.writeString(extra, text.replace("\"next_id\":" + loom.nextId(), "\"next_id\":" + (loom.nextId() - 1)));
        assertThrows(SessionException.class, () -> whole(extra));
        assertNull(OutlineReader.read(extra, 60));
    }

    @Test
    void damagedFilesAreLeftToTheWholeRead() throws Exception {
        Loom loom = RandomLooms.grow(9, 40);
        byte[] good = Files.readAllBytes(write("good.json", loom));
        int nodes = new String(good, StandardCharsets.ISO_8859_1).indexOf("\"nodes\":[");
        byte[] alphabet = "0123456789,:[]{}\"\\-.entfu=Aa/ \n\u0001".getBytes(StandardCharsets.ISO_8859_1);
        Random random = new Random(42);
        int declined = 0;
        for (int round = 0; round < 400; round++) {
            byte[] bad = mutate(good, nodes - 200, alphabet, random);
            Path file = dir.resolve("damaged.json");
            Files.write(file, bad);
            String expected;
            TreeOutline wholeOutline = null;
            try {
                wholeOutline = whole(file);
                expected = null;
            } catch (SessionException e) {
                expected = e.getMessage();
            }
            TreeOutline fast = OutlineReader.read(file, 60, round % 2 == 0 ? 0 : Integer.MAX_VALUE); // in halves or not
            if (fast == null) {
                declined++;
            }
            if (expected != null) {
                assertNull(fast, "round " + round + ": the whole read says " + expected);
                String message = expected;
                SessionException said = assertThrows(SessionException.class, () -> TreeOutline.read(file, 60));
                assertEquals(message, said.getMessage(), "round " + round);
            } else if (fast != null) {
                assertSameOutline(wholeOutline, fast, 60, "round " + round);
            }
        }
        assertTrue(declined > 200, "most damage is declined: " + declined);
    }

    @Test
    void unusualButValidJsonGivesTheSameOutline() throws Exception {
        Loom loom = RandomLooms.grow(3, 60);
        String text = Files.readString(write("plain.json", loom));
        int nodes = text.indexOf("\"nodes\":[") + "\"nodes\":[".length();
        String head = text.substring(0, nodes);
        String tail = text.substring(nodes);
        String[][] variants = {
                {",", " ,\n\t"}, {":", " : "}, {"[", "[ "}, {"]", " ]"}, {"{\"id\"", "\r\n{ \"id\""},
                {"\"id\"", "\"\\u0069d\""}, {"\"tokens\":[]", "\"tokens\":[ ]"},
        };
        for (String[] variant : variants) {
            Path file = dir.resolve("variant.json");
            Files.writeString(file, head + tail.replace(variant[0], variant[1]));
            TreeOutline expected = whole(file);
            TreeOutline fast = OutlineReader.read(file, 60);
            if (!variant[1].contains("\\u")) {
                assertNotNull(fast, "whitespace is JSON's: " + variant[1]);
            }
            if (fast != null) {
                assertSameOutline(expected, fast, 60, variant[1]);
            }
        }
    }

    private Path write(String name, Loom loom) throws SessionException {
        Path file = dir.resolve(name);
        SessionFile.write(file, new Session(AT, AT, 0, SessionBackends.NONE, SessionView.START, loom));
        return file;
    }

    /** The outline as the whole read gives it (the loom, then its lines). */
    private static TreeOutline whole(Path file) throws Exception {
        try (SessionStore store = SessionStore.openReadOnlyWithoutAlternatives(file)) {
            return TreeOutline.of(store.loom(), store.warnings());
        }
    }

    private static void assertSameOutline(TreeOutline expected, TreeOutline actual, int preview, String where) {
        assertArrayEquals(expected.roots(), actual.roots(), where);
        assertEquals(expected.byId().length, actual.byId().length, where);
        assertEquals(expected.warnings(), actual.warnings(), where);
        for (int id = 0; id < expected.byId().length; id++) {
            TreeOutline.Line e = expected.byId()[id];
            TreeOutline.Line a = actual.byId()[id];
            String at = where + ", node " + id;
            if (e == null || a == null) {
                assertEquals(e, a, at);
                continue;
            }
            assertEquals(e.id(), a.id(), at);
            assertEquals(e.origin(), a.origin(), at);
            assertArrayEquals(e.children(), a.children(), at);
            assertEquals(e.bookmarked(), a.bookmarked(), at);
            assertEquals(e.deleted(), a.deleted(), at);
            assertEquals(e.tokens(), a.tokens(), at);
            assertEquals(e.scored(), a.scored(), at);
            assertEquals(Double.doubleToLongBits(e.meanProbability()), Double.doubleToLongBits(a.meanProbability()), at);
            for (int chars = 8; chars <= preview; chars++) {
                assertEquals(e.preview(chars), a.preview(chars), at + ", " + chars + " characters");
            }
        }
    }

    /** One random damage: a byte changed, dropped or added, a line dropped, doubled or cut short, the file cut. */
    private static byte[] mutate(byte[] good, int from, byte[] alphabet, Random random) {
        String text = new String(good, StandardCharsets.ISO_8859_1);
        int at = from + random.nextInt(good.length - from);
        byte b = random.nextInt(8) == 0 ? (byte) (0x80 + random.nextInt(128)) : alphabet[random.nextInt(alphabet.length)];
        int lineStart = text.lastIndexOf('\n', at) + 1;
        int lineEnd = text.indexOf('\n', at) < 0 ? text.length() : text.indexOf('\n', at) + 1;
        String out = switch (random.nextInt(7)) {
            case 0, 1 -> text.substring(0, at) + (char) (b & 0xff) + text.substring(at + 1);
            case 2 -> text.substring(0, at) + text.substring(at + 1);
            case 3 -> text.substring(0, at) + (char) (b & 0xff) + text.substring(at);
            case 4 -> text.substring(0, lineStart) + text.substring(lineEnd);
            case 5 -> text.substring(0, lineEnd) + text.substring(lineStart);
            default -> text.substring(0, at);
        };
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }
}
