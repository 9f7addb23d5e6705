package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.replay.Recording;
import dev.weft.replay.Replay;
import dev.weft.replay.TreeShape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weft export and weft import, end to end on the example sessions. */
class ExchangeCommandsTest {
    private static final Path BRANCHING = Path.of("sessions/branching.json");

    @TempDir Path dir;

    @Test
    void aLoomExportImportsBackAsAReplayableSessionOfTheSameShape() throws Exception {
        Path loom = dir.resolve("branching.loom.json");
        assertEquals(0, CliRun.of("export", BRANCHING.toString(), "--format", "loom", "--out", loom.toString()).exit());

        CliRun imported = CliRun.of("import", loom.toString());
        assertEquals(0, imported.exit(), imported.err());
        Path session = dir.resolve("branching.loom.weft.json");
        assertEquals("imported a socketteer/loom tree from " + loom + " into " + session
                + ": 11 nodes, 11 with token probabilities", imported.out().strip());
        Recording recording = Recording.open(session);
        assertEquals(TreeShape.of(Recording.open(BRANCHING).end().loom()), TreeShape.of(recording.end().loom()));
        assertTrue(Replay.of(recording).rebuildsTheSession());
    }

    /** The session file in the current format version (the example may be an older one). */
    @Test
    void jsonIsTheSessionFileItself() throws Exception {
        Path copy = dir.resolve("s.json");
        CliRun run = CliRun.of("export", BRANCHING.toString(), "--format", "json", "--out", copy.toString());
        assertEquals(0, run.exit(), run.err());
        java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
        try (dev.weft.session.SessionStore store = dev.weft.session.SessionStore.openReadOnly(BRANCHING)) {
            dev.weft.session.SessionFile.write(store.session(), current);
        }
        assertArrayEquals(current.toByteArray(), Files.readAllBytes(copy));
    }

    @Test
    void textAndMarkdownFollowTheCurrentPath() {
        CliRun text = CliRun.of("export", "sessions/attractor.json", "--format", "txt", "--node", "4");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("In my opinion, the Commission has been a good debate. I am sure that the"
                + " Commission has the Council"), text.out());
        CliRun md = CliRun.of("export", "sessions/attractor.json", "--format", "md", "--path");
        assertEquals(0, md.exit(), md.err());
        assertTrue(md.out().startsWith("# sessions/attractor.json: the path to #2\n"), md.out());
    }

    @Test
    void exportHelpPrintsItsDescriptionWhole() {
        // picocli warns of a '%' that is not a format specifier on System.err, beside the command's streams
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        CliRun help;
        try {
            help = CliRun.of("export", "--help");
        } finally {
            System.setErr(err);
        }
        assertEquals(0, help.exit(), help.err());
        assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8) + help.err());
        assertTrue(help.out().contains("less than 50% followed by its probability"), help.out());
    }

    @Test
    void mistakesAreOneLine() throws Exception {
        assertEquals("weft: unknown format 'pdf': expected md, txt, json or loom",
                CliRun.of("export", BRANCHING.toString(), "--format", "pdf").err().strip());
        assertEquals("weft: " + BRANCHING + ": no node #99 in the session",
                CliRun.of("export", BRANCHING.toString(), "--format", "txt", "--node", "99").err().strip());
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"root\": {\"text\": 3}}");
        CliRun run = CliRun.of("import", bad.toString());
        assertEquals(1, run.exit());
        assertEquals("weft: " + bad + ": $.root.text: expected a string", run.err().strip());
        Files.writeString(dir.resolve("bad.weft.json"), "taken");
        assertEquals(2, CliRun.of("import", bad.toString()).exit());
    }
}
