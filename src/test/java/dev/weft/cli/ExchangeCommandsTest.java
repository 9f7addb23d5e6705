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

    @Test
    void jsonIsTheSessionFileItself() throws Exception {
        Path copy = dir.resolve("s.json");
        CliRun run = CliRun.of("export", BRANCHING.toString(), "--format", "json", "--out", copy.toString());
        assertEquals(0, run.exit(), run.err());
        // the session file as weft writes it now: what a save of the same session would write
        java.io.ByteArrayOutputStream saved = new java.io.ByteArrayOutputStream();
        dev.weft.session.SessionFile.write(dev.weft.session.SessionFile.read(BRANCHING), saved);
        assertArrayEquals(saved.toByteArray(), Files.readAllBytes(copy));
    }

    @Test
    void textAndMarkdownFollowTheCurrentPath() {
        CliRun text = CliRun.of("export", "sessions/attractor.json", "--format", "txt", "--node", "4");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("In my opinion, the Commission has been a good debate. I am sure that the"
                + " Commission has the Council"), text.out());
        CliRun md = CliRun.of("export", "sessions/attractor.json", "--format", "md", "--path");
        assertEquals(0, md.exit(), md.err());
        assertTrue(md.out().startsWith("# sessions/attractor.json: the path to #10\n"), md.out());
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
