package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.DistRecord;
import dev.weft.analysis.SweepRecord;
import dev.weft.config.WeftConfig;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.tui.command.Command;
import dev.weft.tui.command.CommandParser;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.theme.ColorDepth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second side of :dist and :sweep (and :compare): any backend the picker lists, the embedded
 * model on another corpus (embedded:CORPUS), or a model file (gguf:FILE); both sides kept in the
 * session's record, drawn side by side.
 */
class SecondSideTest {
    @TempDir Path dir;

    @Test
    void theCommandLineTakesASecondBackendAfterVs() {
        assertEquals(new Command.Dist("0..100", "embedded:examples/collapsed.txt"),
                CommandParser.parse("dist 0..100 --vs embedded:examples/collapsed.txt"));
        assertEquals(new Command.Dist("a,b", null), CommandParser.parse("dist a,b"));
        assertEquals(new Command.Sweep(List.of(0.0, 1.0), 3, "tuned"), CommandParser.parse("sweep 0,1 3 --vs tuned"));
        assertEquals(new Command.Sweep(List.of(0.0, 1.0), CommandParser.SWEEP_SAMPLES, "gguf:/m/q.gguf"),
                CommandParser.parse("sweep 0,1 --vs gguf:/m/q.gguf"));
        assertThrows(IllegalArgumentException.class, () -> CommandParser.parse("dist 0..9 --vs"));
        assertThrows(IllegalArgumentException.class, () -> CommandParser.parse("sweep --vs base"));
    }

    @Test
    void theEmbeddedModelOnAnotherCorpusAndAModelFileByPathAreBackends() throws Exception {
        Path corpus = dir.resolve("collapsed.txt");
        Files.writeString(corpus, "Q: Are cats real? A: There is no one answer to this question.\n".repeat(20));
        String cache = System.getProperty("weft.cache");
        System.setProperty("weft.cache", dir.resolve("cache").toString());
        try {
            ConfiguredBackends backends = new ConfiguredBackends(WeftConfig.EMPTY, Map.of("HOME", dir.toString()),
                    null, line -> {});
            LanguageModel collapsed = backends.open("embedded:" + corpus);
            assertEquals("embedded", collapsed.backend());
            assertTrue(collapsed.model().contains("collapsed"), collapsed.model());
            assertEquals(" There", collapsed.generate(Prompt.of("Q: Are cats real? A:"),
                    dev.weft.loom.SamplingParams.DEFAULTS.withTemperature(0).withMaxTokens(1)).get(0).text());
            assertTrue(collapsed == backends.open("embedded:" + corpus), "trained once");
            ModelException missing = assertThrows(ModelException.class, () -> backends.open("gguf:" + dir.resolve("no.gguf")));
            assertTrue(missing.getMessage().contains("no.gguf"), missing.getMessage());
            assertThrows(ModelException.class, () -> backends.open("embedded:"));
        } finally {
            if (cache == null) {
                System.clearProperty("weft.cache");
            } else {
                System.setProperty("weft.cache", cache);
            }
        }
    }

    @Test
    void distAndSweepOnTwoBackendsAreDrawnSideBySideAndKeptAsTwoRuns() throws Exception {
        MemorySession session = MemorySession.empty();
        TuiHarness h = TuiHarness.start(100, 30, TestModels.embedded(), ColorDepth.TRUECOLOR, session, Runnable::run);
        h.press(Action.EDIT).type("Mr President, I would like to").press(Action.COMMIT).press(Action.TEXT_END);
        h.command("dist thank,say,ask,point --vs embedded").awaitState(s -> s.overlay() instanceof Overlay.Distribution d
                && d.view().recorded());
        Golden.assertScreen("distribution-vs-100x30", h.screenText());
        h.press(Action.CLOSE);
        h.command("set max-tokens 8").command("sweep 0,1.5 2 --vs embedded").awaitState(s -> s.overlay() instanceof Overlay.Sweep w
                && w.view().recorded());
        Golden.assertScreen("sweep-vs-100x30", h.screenText());
        h.press(Action.CLOSE);
        h.command("dist 1,2 --vs nowhere").awaitState(s -> s.overlay() instanceof Overlay.Distribution d
                && d.view().recorded());
        String failed = h.screenText();
        assertTrue(failed.contains("2: failed: no backend 'nowhere'"), failed);

        assertEquals(3, session.analyses.size());
        DistRecord dist = assertInstanceOf(DistRecord.class, session.analyses.get(0));
        assertEquals(2, dist.runs().size());
        assertEquals(dist.runs().get(0).distribution(), dist.runs().get(1).distribution(), "the same model twice");
        assertEquals("embedded", dist.runs().get(1).side().profile());
        SweepRecord sweep = assertInstanceOf(SweepRecord.class, session.analyses.get(1));
        assertEquals(2, sweep.runs().size());
        assertEquals(List.of(0.0, 1.5), sweep.runs().get(1).rows().stream().map(SweepRecord.Row::temperature).toList());
        DistRecord refused = (DistRecord) session.analyses.get(2);
        assertNotEquals(null, refused.runs().get(1).failure());

        TuiHarness narrow = TuiHarness.start(80, 24, TestModels.embedded());
        narrow.press(Action.EDIT).type("Mr President, I would like to").press(Action.COMMIT).press(Action.TEXT_END);
        narrow.command("dist thank,say,ask,point --vs embedded").awaitState(s -> s.overlay() instanceof Overlay.Distribution d
                && d.view().recorded());
        Golden.assertScreen("distribution-vs-80x24", narrow.screenText());
        narrow.press(Action.CLOSE);
        narrow.command("set max-tokens 8").command("sweep 0,1.5 2 --vs embedded").awaitState(s -> s.overlay() instanceof Overlay.Sweep w
                && w.view().recorded());
        Golden.assertScreen("sweep-vs-80x24", narrow.screenText());
    }
}
