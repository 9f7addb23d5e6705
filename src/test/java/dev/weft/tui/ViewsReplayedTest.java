package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.CompareRecord;
import dev.weft.analysis.MultiverseRecord;
import dev.weft.replay.Replay;
import dev.weft.session.JournalEntry;
import dev.weft.session.SessionStore;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.update.ShownView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multiverse and compare views in the replay player: their contents came from a model, so the
 * session keeps them (analyses multiverse and compare), and the player draws each step's plot and
 * columns as the loom showed them, with no model at all (its backend is none).
 */
class ViewsReplayedTest {
    @TempDir Path dir;
    private Path file;
    /** The loom's screens, without its status bar and message line, when each result was in. */
    private final Map<String, List<String>> loomShowed = new LinkedHashMap<>();

    @BeforeEach
    void explore() throws Exception {
        file = dir.resolve("views.json");
        StoreSession session = StoreSession.open(file);
        TuiHarness h = TuiHarness.start(100, 30, TestModels.embedded(), ColorDepth.TRUECOLOR, session, Runnable::run);
        h.press(Action.EDIT).type("Are bugs real? It depends on what you").press(Action.COMMIT).press(Action.TEXT_END);
        h.press(Action.MULTIVERSE_VIEW).awaitState(s -> s.overlay() instanceof Overlay.Multiverse m
                && m.view().multiverse() != null);
        loomShowed.put("multiverse", body(h.screenText()));
        h.press(Action.ZOOM_IN).awaitState(s -> s.overlay() instanceof Overlay.Multiverse m && m.view().request() == 0);
        loomShowed.put("multiverse-zoomed", body(h.screenText()));
        h.press(Action.CLOSE);
        h.command("set n 2").press(Action.COMPARE_VIEW).awaitState(s -> s.overlay() instanceof Overlay.Compare c
                && c.view().recorded());
        loomShowed.put("compare", body(h.screenText()));
        h.press(Action.CLOSE).press(Action.QUIT);
        assertTrue(h.loop.saveNow());
        session.close();
    }

    @Test
    void theSessionKeepsEachExpansionAndTheComparison() throws Exception {
        List<AnalysisRecord> kept;
        try (SessionStore store = SessionStore.openReadOnly(file)) {
            kept = store.session().analyses();
        }
        assertEquals(List.of("multiverse", "multiverse", "compare"), kept.stream().map(AnalysisRecord::kind).toList());
        MultiverseRecord first = (MultiverseRecord) kept.get(0);
        MultiverseRecord below = (MultiverseRecord) kept.get(1);
        assertEquals(List.of(), first.below());
        assertEquals(List.of(0), below.below(), "the zoom looked further below the most likely block");
        assertEquals("Are bugs real? It depends on what you", first.context());
        assertEquals(first.context() + first.multiverse().root().children().get(0).piece().text(), below.context());
        assertEquals("embedded", first.side().backend());
        CompareRecord compare = (CompareRecord) kept.get(2);
        assertEquals(2, compare.runs().size());
        assertEquals(2, compare.runs().get(0).samples().size(), "n as set");
        assertTrue(Files.readString(file).contains("\"kind\":\"multiverse\""));

        String stats = weft("stats", file.toString());
        assertTrue(stats.contains("analyses (3, oldest first):\n  1. multiverse at #0 token 8 after"), stats);
        assertTrue(stats.contains("  2. multiverse below block 1 at #0 token 8"), stats);
        assertTrue(stats.contains("  3. compare ×2 T=0.6 at #0"), stats);
        String md = weft("export", "--format", "md", file.toString());
        assertTrue(md.contains("### 1. multiverse at #0 token 8 after"), md);
        assertTrue(md.contains("blocks from " + first.multiverse().modelCalls() + " model calls"), md);
        assertTrue(md.contains("| side | samples | distinct-1 |"), md);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(weft("stats", "--json", file.toString()))
                .get("analyses");
        assertEquals(first.multiverse().nodeCount(), json.get(0).get("nodes").asInt());
        assertEquals(0, json.get(1).get("below").get(0).asInt());
        assertEquals(2, json.get(2).get("runs").get(0).get("samples").size());
    }

    private static String weft(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = dev.weft.cli.Main.run(args, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        return out.toString();
    }

    @Test
    void thePlayerShowsThePlotAndTheColumnsAsTheLoomShowedThem() throws Exception {
        for (int[] size : new int[][] {{100, 30}, {80, 24}, {200, 50}}) {
            PlayerHarness p = PlayerHarness.start(file, size[0], size[1]);
            Replay replay = p.state().replay();
            String name = "player-" + size[0] + "x" + size[1] + "-";
            List<String> shot = new ArrayList<>();
            for (int step = 1; step <= replay.steps(); step++) {
                p.press(Action.STEP_FORWARD);
                Overlay o = p.state().screen().overlay();
                if (!(replay.entry(step) instanceof JournalEntry.AnalysisRun r)) {
                    continue;
                }
                String kind = r.record() instanceof MultiverseRecord m
                        ? (m.below().isEmpty() ? "multiverse" : "multiverse-zoomed") : r.record().kind();
                if (size[0] == 200 && kind.equals("compare")) {
                    continue; // the 200-column player is for the multiverse
                }
                shot.add(kind);
                if (kind.startsWith("multiverse")) {
                    Overlay.Multiverse m = assertInstanceOf(Overlay.Multiverse.class, o, kind + " at step " + step);
                    assertTrue(m.view().multiverse() != null, "drawn from the record, not expanding");
                } else {
                    Overlay.Compare c = assertInstanceOf(Overlay.Compare.class, o, "compare at step " + step);
                    assertTrue(c.view().settled(), "both columns in");
                }
                String screen = timeless(p.screenText());
                assertNull(ShownView.unrecorded(replay.after(step).view().settings().get(ShownView.KEY)),
                        "nothing on the bar says the view was not recorded");
                Golden.assertScreen(name + kind, screen);
                if (size[0] == 100) {
                    assertEquals(loomShowed.get(kind), body(screen), kind + ": the player's screen is the loom's");
                }
            }
            assertEquals(size[0] == 200 ? List.of("multiverse", "multiverse-zoomed")
                    : List.of("multiverse", "multiverse-zoomed", "compare"), shot, size[0] + " columns");
        }
    }

    @Test
    void aRecordingMadeBeforeTheseViewsWereKeptStillReplaysAndNamesThem() throws Exception {
        // as an older weft wrote it: no multiverse or compare analyses, and "open" only the view's kind
        Path journal = dir.resolve("views.json.journal");
        List<String> old = new ArrayList<>();
        for (String line : Files.readAllLines(journal)) {
            if (line.contains("\"kind\":\"multiverse\"") || line.contains("\"kind\":\"compare\"")) {
                continue;
            }
            old.add(line.replaceAll("\"open\":\"(multiverse|compare)[^\"]*\"", "\"open\":\"$1\""));
        }
        Files.write(journal, old);
        PlayerHarness p = PlayerHarness.start(file, 100, 30);
        Replay replay = p.state().replay();
        List<String> named = new ArrayList<>();
        for (int step = 1; step <= replay.steps(); step++) {
            p.press(Action.STEP_FORWARD);
            assertEquals(Overlay.NONE, p.state().screen().overlay(), "the read view at step " + step);
            String open = replay.after(step).view().settings().get(ShownView.KEY);
            if (open != null && !named.contains(open)) {
                named.add(open);
                assertTrue(p.screenText().contains(open + " not recorded"),
                        p.screenText().substring(p.screenText().lastIndexOf("\n", p.screenText().length() - 2)));
            }
        }
        assertEquals(List.of("multiverse", "compare"), named);
    }

    /** Everything but the bottom two rows (the loom's status bar and message line, the player's own bar). */
    private static List<String> body(String screen) {
        List<String> rows = Arrays.asList(screen.split("\n", -1));
        return rows.subList(0, Math.max(0, rows.size() - 3));
    }

    private static String timeless(String screen) {
        return screen.replaceAll("\\+\\d:\\d\\d\\.\\d", "+m:ss.s");
    }
}
