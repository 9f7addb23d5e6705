package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.DistRecord;
import dev.weft.analysis.SweepRecord;
import dev.weft.cli.Main;
import dev.weft.replay.Recording;
import dev.weft.replay.Replay;
import dev.weft.replay.StepSummary;
import dev.weft.session.JournalEntry;
import dev.weft.session.Session;
import dev.weft.session.SessionStore;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.theme.ColorDepth;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A :dist and a :sweep run in the loom outlive their views, end to end: on a real session file they
 * survive a kill (journal only) and a quit, reopen, are steps of the replay, are listed by weft stats
 * and come out of weft export as a bar chart and a table (md) and as numbers (json).
 */
class ExperimentsKeptTest {
    @TempDir Path dir;

    private static void experiment(TuiHarness h) {
        h.press(Action.EDIT).type("Mr President, I would like to").press(Action.COMMIT).press(Action.TEXT_END);
        h.command("dist thank,say,ask").awaitState(s -> s.overlay() instanceof Overlay.Distribution d
                && d.view().distribution() != null);
        h.press(Action.CLOSE);
        h.command("set max-tokens 6").command("sweep 0,1.2 3").awaitState(s -> s.overlay() instanceof Overlay.Sweep w
                && w.view().recorded());
        h.press(Action.CURSOR_DOWN).press(Action.CURSOR_DOWN).press(Action.OPEN_SAMPLE).press(Action.ADD_SAMPLE);
        h.press(Action.CLOSE);
    }

    @Test
    void aDistAndASweepSurviveAKillAQuitReopenReplayStatsAndExport() throws Exception {
        Path file = dir.resolve("experiments.json");
        StoreSession session = StoreSession.open(file);
        TuiHarness h = TuiHarness.start(100, 30, TestModels.embedded(), ColorDepth.TRUECOLOR, session, Runnable::run);
        experiment(h);

        // killed: nothing saved beyond the journal
        Session killed;
        try (SessionStore store = SessionStore.openReadOnly(file)) {
            killed = store.session();
        }
        assertEquals(2, killed.analyses().size(), "both runs are in the journal");
        DistRecord dist = assertInstanceOf(DistRecord.class, killed.analyses().get(0));
        SweepRecord sweep = assertInstanceOf(SweepRecord.class, killed.analyses().get(1));
        assertEquals(List.of("thank", "say", "ask"), dist.runs().get(0).distribution().candidates().stream()
                .map(c -> c.candidate()).toList());
        assertEquals("Mr President, I would like to", dist.context());
        assertEquals("embedded", dist.runs().get(0).side().backend());
        assertEquals(List.of(0.0, 1.2), sweep.runs().get(0).rows().stream().map(SweepRecord.Row::temperature).toList());
        // the sample added with a is a model node at its temperature, with the sweep's samples per temperature
        var added = h.state().loom().node(h.state().focus().current());
        assertEquals(0.0, added.generation().params().temperature());
        assertEquals(3, added.generation().params().n());
        assertEquals(sweep.runs().get(0).rows().get(0).samples().get(1).tokens().text(), added.tokens().text());

        h.press(Action.QUIT);
        assertTrue(h.loop.saveNow());
        session.close();
        assertTrue(Files.readString(file).contains("\"analyses\""), "the quit's save writes them into the file");
        StoreSession reopened = StoreSession.open(file);
        reopened.close();
        try (SessionStore store = SessionStore.openReadOnly(file)) {
            assertEquals(killed.analyses(), store.session().analyses(), "reopened: the same runs, bit for bit");
        }

        Replay replay = Replay.of(Recording.open(file));
        List<String> kinds = new ArrayList<>();
        for (int step = 1; step <= replay.steps(); step++) {
            JournalEntry entry = replay.entry(step);
            if (entry instanceof JournalEntry.AnalysisRun) {
                StepSummary summary = StepSummary.of(entry, replay.after(step - 1), replay.after(step));
                kinds.add(summary.kind() + ": " + summary.text());
            }
        }
        assertEquals(2, kinds.size(), kinds.toString());
        assertTrue(kinds.get(0).startsWith("dist: dist thank,say,ask at #0 token"), kinds.get(0));
        assertTrue(kinds.get(1).startsWith("sweep: sweep T=0,1.2 ×3 at #0 token"), kinds.get(1));
        assertTrue(replay.rebuildsTheSession());

        String stats = weft("stats", file.toString());
        assertTrue(stats.contains("analyses (2, oldest first):\n  1. dist thank,say,ask at #0"), stats);
        assertTrue(stats.contains("  2. sweep T=0,1.2 ×3 at #0"), stats);

        String md = weft("export", "--format", "md", file.toString());
        assertTrue(md.contains("\n## Analyses\n"), md);
        assertTrue(md.contains("### 1. dist thank,say,ask at #0 token"), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("    say    ████████████████████████████████████████  ")),
                "the top candidate's bar is full: " + md);
        assertTrue(md.contains("| T | distinct-1 | distinct-2 | edit distance | same first sentence | mean p |\n"
                + "|---:|---:|---:|---:|---:|---:|\n| 0 | "), md);
        assertTrue(md.contains("- T=1.2 #3: "), md);

        String json = weft("stats", "--json", file.toString());
        var analyses = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("analyses");
        assertEquals(2, analyses.size());
        assertEquals("say", analyses.get(0).get("runs").get(0).get("top").asText());
        assertEquals(dist.runs().get(0).distribution().candidates().get(1).probability(),
                analyses.get(0).get("runs").get(0).get("candidates").get(1).get("probability").asDouble());
        assertEquals(3, analyses.get(1).get("runs").get(0).get("rows").get(1).get("samples").size());
        String exported = weft("export", "--format", "json", file.toString());
        assertTrue(exported.contains("\"analyses\":["), "the session file's numbers");
    }

    @Test
    void thePlayerShowsEachStepInTheViewOrOverlayTheLoomShowed() throws Exception {
        Path file = dir.resolve("views.json");
        StoreSession session = StoreSession.open(file);
        TuiHarness h = TuiHarness.start(100, 30, TestModels.embedded(), ColorDepth.TRUECOLOR, session, Runnable::run);
        h.press(Action.EDIT).type("Mr President, I would like to").press(Action.COMMIT).press(Action.TEXT_END);
        h.press(Action.ALTERNATIVES).press(Action.CHOICE_DOWN).press(Action.CLOSE);
        h.press(Action.TREE_VIEW).press(Action.BACK);
        h.command("dist thank,say,ask").awaitState(s -> s.overlay() instanceof Overlay.Distribution d
                && d.view().distribution() != null);
        h.press(Action.CLOSE);
        h.command("set max-tokens 6").command("sweep 0,1.2 3").awaitState(s -> s.overlay() instanceof Overlay.Sweep w
                && w.view().recorded());
        h.press(Action.CLOSE);
        h.press(Action.QUIT);
        assertTrue(h.loop.saveNow());
        session.close();

        for (int[] size : new int[][] {{100, 30}, {80, 24}}) {
            PlayerHarness p = PlayerHarness.start(file, size[0], size[1]);
            Replay replay = p.state().replay();
            List<String> seen = new ArrayList<>();
            for (int step = 1; step <= replay.steps(); step++) {
                p.press(Action.STEP_FORWARD);
                Overlay o = p.state().screen().overlay();
                String shown = o instanceof Overlay.Alternatives ? "alternatives"
                        : o instanceof Overlay.Distribution d ? (d.view().distribution() == null ? "dist…" : "dist")
                        : o instanceof Overlay.Sweep w ? (w.view().settled() ? "sweep" : "sweep…")
                        : p.state().screen().view() == dev.weft.tui.state.View.TREE ? "tree" : "read";
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(shown)) {
                    seen.add(shown);
                }
                String name = "player-" + size[0] + "x" + size[1] + "-";
                if (replay.entry(step) instanceof JournalEntry.AnalysisRun r) {
                    Golden.assertScreen(name + r.record().kind(), timeless(p.screenText()));
                }
                if (shown.equals("alternatives") && !seen.contains("alternatives-shot")) {
                    seen.add("alternatives-shot");
                    Golden.assertScreen(name + "alternatives", timeless(p.screenText()));
                }
            }
            assertEquals(List.of("read", "alternatives", "alternatives-shot", "read", "tree", "read", "dist…", "dist",
                    "read", "sweep…", "sweep", "read"), seen, size[0] + " columns");
        }
    }

    /** The bar's time since the first step is the real time between the entries: not part of the golden. */
    private static String timeless(String screen) {
        return screen.replaceAll("\\+\\d:\\d\\d\\.\\d", "+m:ss.s");
    }

    private static String weft(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        return out.toString();
    }
}
