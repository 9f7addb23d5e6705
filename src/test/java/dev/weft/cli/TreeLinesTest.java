package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Loom;
import dev.weft.session.RandomLooms;
import dev.weft.session.Session;
import dev.weft.session.SessionBackends;
import dev.weft.session.SessionFile;
import dev.weft.session.SessionView;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft tree} prints exactly what it printed before it was made fast (the golden files under
 * golden/tree were written by that version: one format string per line, a recursive walk, the
 * whole tree read), through picocli and through the launcher's fast path alike.
 */
class TreeLinesTest {
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void randomTreesPrintAsBefore() throws Exception {
        for (long seed : new long[] {3, 29}) {
            Path file = dir.resolve("random-" + seed + ".json");
            Loom loom = RandomLooms.grow(seed, 150); // deleted subtrees, bookmarks, control characters, partial UTF-8
            SessionFile.write(file, new Session(AT, AT, 0, SessionBackends.NONE, SessionView.START, loom));
            String expected = golden("random-" + seed + ".txt");
            CliRun run = CliRun.of("tree", file.toString());
            assertEquals(0, run.exit(), run.err());
            assertEquals(expected, run.out(), "seed " + seed);
            assertTrue(run.err().startsWith("weft: ") && run.err().contains("interrupted"), run.err());
            CliRun fast = fast(file.toString());
            assertEquals(0, fast.exit());
            assertEquals(expected, fast.out(), "seed " + seed + ", without picocli");
            assertEquals(run.err(), fast.err());
        }
        Path file = dir.resolve("random-29.json");
        assertEquals(golden("random-29-width-20.txt"), CliRun.of("tree", "--width", "20", file.toString()).out());
    }

    @Test
    void theCheckedInSessionsPrintAsBefore() throws Exception {
        for (String name : new String[] {"example-v1", "example-v2"}) {
            String file = Path.of(getClass().getResource("/dev/weft/session/" + name + ".json").toURI()).toString();
            assertEquals(golden(name + ".txt"), CliRun.of("tree", file).out(), name);
            assertEquals(golden(name + ".txt"), fast(file).out(), name);
        }
    }

    @Test
    void onlyAPlainTreeOfOneFileSkipsPicocli() {
        assertTrue(Launcher.printsATree(new String[] {"tree", "a.json"}));
        assertFalse(Launcher.printsATree(new String[] {"tree", "--width", "20", "a.json"}));
        assertFalse(Launcher.printsATree(new String[] {"tree", "--help"}));
        assertFalse(Launcher.printsATree(new String[] {"tree", "--debug"}));
        assertFalse(Launcher.printsATree(new String[] {"tree"}));
        assertFalse(Launcher.printsATree(new String[] {"--debug", "tree", "a.json"}));
    }

    @Test
    void aFailureReadsTheSameWithoutPicocli() {
        String missing = dir.resolve("missing.json").toString();
        CliRun run = CliRun.of("tree", missing);
        CliRun fast = fast(missing);
        assertEquals(1, run.exit());
        assertEquals(run.exit(), fast.exit());
        assertEquals(run.err(), fast.err());
        assertEquals("", fast.out());
    }

    /** The outline is read from the bytes, but a damaged file is still named, with the place, in one line. */
    @Test
    void aDamagedFileIsNamedWithItsPlaceInOneLine() throws Exception {
        Path file = dir.resolve("damaged.json");
        SessionFile.write(file, new Session(AT, AT, 0, SessionBackends.NONE, SessionView.START, RandomLooms.grow(3, 150)));
        String text = Files.readString(file);
        int at = text.indexOf("\"alternatives\":[", text.indexOf("\"nodes\":[")) + "\"alternatives\":[".length();
        Files.writeString(file, text.substring(0, at) + "99999999," + text.substring(at));
        String line = text.substring(0, at).split("\n", -1).length + ":";
        CliRun run = CliRun.of("tree", file.toString());
        CliRun fast = fast(file.toString());
        assertEquals(1, run.exit());
        assertEquals(1, fast.exit());
        assertEquals(run.err(), fast.err());
        assertEquals("", fast.out());
        assertTrue(fast.err().startsWith("weft: " + file + ":" + line), fast.err());
        assertTrue(fast.err().contains("indexes into \"pieces\""), fast.err());
        assertEquals(1, fast.err().lines().count(), fast.err());
    }

    @Test
    void twoDecimalsAsTheFormatterWritesThem() {
        Random random = new Random(42);
        double[] edges = {0, 1, 0.005, 0.015, 0.125, 0.375, 0.605, 0.995, 0.9949999999, 0.9950000001, 0.999999,
            1e-300, Double.MIN_VALUE, 0.5, 0.045, 0.285, 0.575};
        for (double x : edges) {
            assertTwoDecimals(x);
        }
        for (int i = 0; i < 200_000; i++) {
            assertTwoDecimals(i % 2 == 0 ? random.nextDouble() : Math.exp(-random.nextDouble() * 20));
            assertTwoDecimals(Math.floor(random.nextDouble() * 200) / 200); // on and near the half-way points
        }
    }

    private static void assertTwoDecimals(double x) {
        StringBuilder out = new StringBuilder();
        TreeLines.twoDecimals(out, x);
        assertEquals(String.format(Locale.ROOT, "%.2f", x), out.toString(), "x = " + x);
    }

    private static CliRun fast(String file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Launcher.tree(Path.of(file), new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(exit, out.toString(), err.toString());
    }

    private String golden(String name) throws Exception {
        return Files.readString(Path.of(getClass().getResource("/golden/tree/" + name).toURI()), StandardCharsets.UTF_8);
    }
}
