package dev.weft.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.SamplingParams;
import dev.weft.model.LanguageModel;
import dev.weft.replay.StepOutcome.Outcome;
import dev.weft.session.SessionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RerunTest {
    private static final SamplingParams THREE = SamplingParams.DEFAULTS.withN(3).withMaxTokens(9).withSeed(5L);

    @TempDir Path dir;

    /** A prompt, three completions, a swap with a completion under it, an edit regenerated at T=0, a bookmark. */
    private Recording explore(LanguageModel model) throws Exception {
        Path file = dir.resolve("recorded.json");
        TickingClock clock = new TickingClock(Fixtures.START, Duration.ofSeconds(3));
        try (SessionStore store = SessionStore.openOrCreate(file, clock)) {
            Explorer explorer = new Explorer(store, model, "words", Clock.systemUTC());
            NodeId root = explorer.prompt(" the Commission");
            List<NodeId> three = explorer.generate(root, THREE);
            NodeId swapped = explorer.swap(three.get(0), 4, 1);
            explorer.generate(swapped, THREE.withN(1));
            NodeId edit = explorer.edit(three.get(1), 5, " vote now");
            explorer.generate(edit, THREE.withN(1).withTemperature(0));
            explorer.bookmark(edit);
            explorer.look(three.get(2), 3);
            store.save();
        }
        return Recording.open(file);
    }

    private RerunReport rerun(Recording recording, LanguageModel model, Path out, Long seed) throws Exception {
        try (SessionStore target = SessionStore.openOrCreate(out)) {
            Rerun.Settings settings = new Rerun.Settings("other", seed);
            RerunReport report = Rerun.run(recording, model, target, settings, Clock.systemUTC());
            target.save();
            return report;
        }
    }

    @Test
    void aRecordingThatDoesNotSayItsTemperatureIsAskedAtTheDefaultAndSaysSo() throws Exception {
        Path file = dir.resolve("imported.json");
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            NodeId root = store.record(new dev.weft.loom.LoomAction.AddRoot(dev.weft.loom.TokenRun.unscored(" the Commission"))).node();
            store.record(new dev.weft.loom.LoomAction.Append(root, dev.weft.loom.TokenRun.unscored(" a b"),
                    dev.weft.loom.Origin.MODEL, new dev.weft.loom.Generation("loom", "davinci", THREE.withN(1),
                    Fixtures.START, dev.weft.loom.FinishReason.STOP, dev.weft.loom.Generation.PARAMS)));
            store.save();
        }
        RerunReport report = rerun(Recording.open(file), new WordModel("a", 1, true), dir.resolve("again.json"), null);
        String notes = report.steps().stream().map(StepOutcome::note).collect(Collectors.joining("\n"));
        assertTrue(notes.contains("the recording does not say its T, top-p: asked at T " + THREE.temperature()
                + ", top-p " + THREE.topP()), notes);
    }

    @Test
    void againstTheSameModelAndSeedTheTreeComesBackToken_forToken() throws Exception {
        Recording recording = explore(new WordModel("a", 1, true));
        Path out = dir.resolve("again.json");
        RerunReport report = rerun(recording, new WordModel("a", 1, true), out, null);

        assertEquals(report.steps().size(), report.count(Outcome.SAME), report.steps().toString());
        assertEquals(3, report.requests());
        assertEquals(report.completions(), report.unchanged());
        Loom recorded = recording.end().loom();
        Loom replayed = Recording.open(out).end().loom();
        assertEquals(TreeShape.of(recorded), TreeShape.of(replayed));
        for (Node node : recorded.nodes()) {
            assertEquals(node.tokens(), replayed.node(node.id()).tokens(), "tokens of " + node.id());
        }
        assertEquals(recording.end().view().current(), Recording.open(out).end().view().current());
    }

    @Test
    void againstAnotherModelTheShapeIsKeptAndTheDifferencesReported() throws Exception {
        Recording recording = explore(new WordModel("a", 1, true));
        Path out = dir.resolve("other.json");
        RerunReport report = rerun(recording, new WordModel("b", 2, true), out, 11L);

        Recording replayed = Recording.open(out);
        assertEquals(TreeShape.of(recording.end().loom()), TreeShape.of(replayed.end().loom()));
        assertTrue(Replay.of(replayed).rebuildsTheSession(), "the new session is itself a recording");
        assertEquals(0, report.count(Outcome.SKIPPED), report.steps().toString());
        assertTrue(report.count(Outcome.CHANGED) > 0, report.steps().toString());
        StepOutcome swap = report.steps().stream().filter(s -> s.kind().equals("swap")).findFirst().orElseThrow();
        assertEquals(Outcome.MOVED, swap.outcome(), swap.note());
        assertTrue(swap.note().contains("the text before token 4 differs"), swap.note());
        assertNotEquals(recording.end().loom().pathText(new NodeId(1)), replayed.end().loom().pathText(new NodeId(1)));
    }

    @Test
    void aStepThatCannotLandIsSkippedWithTheStepsThatDependOnIt() throws Exception {
        Recording recording = explore(new WordModel("a", 1, true));
        // the same model, but every completion stops after two tokens: the swap at token 4 has nowhere to go
        LanguageModel terse = new ShortModel(new WordModel("a", 1, true), 2);
        RerunReport report = rerun(recording, terse, dir.resolve("short.json"), null);

        List<String> skipped = report.steps().stream().filter(s -> s.outcome() == Outcome.SKIPPED)
                .map(s -> s.kind() + ": " + s.note()).collect(Collectors.toList());
        assertEquals(List.of("swap: #1 has no token 4 to swap (2 tokens)",
                "completion: #5 has no counterpart in the new tree (made by a skipped swap)"), skipped);
    }

    @Test
    void nodeIdsAmongTheViewSettingsAreTranslated() throws Exception {
        Path file = dir.resolve("settings.json");
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            Explorer explorer = new Explorer(store, new WordModel("a", 1, true), "words", Clock.systemUTC());
            NodeId root = explorer.prompt(" the Commission");
            NodeId swapped = explorer.swap(explorer.generate(root, THREE.withN(1)).get(0), 4, 1);
            store.recordView(store.view().at(swapped, 0).withSetting("path-end", swapped.toString().substring(1))
                    .withSetting("hoist", "0").withSetting("theme", "dark"));
        }
        // the swap at token 4 cannot land in two-token completions: its node has no partner
        Path out = dir.resolve("settings-2.json");
        rerun(Recording.open(file), new ShortModel(new WordModel("a", 1, true), 2), out, null);

        assertEquals(java.util.Map.of("hoist", "0", "theme", "dark"), Recording.open(out).end().view().settings());
    }

    @Test
    void aModelThatCannotScoreLeavesEditsUnscored() throws Exception {
        Recording recording = explore(new WordModel("a", 1, true));
        RerunReport report = rerun(recording, new WordModel("a", 1, false), dir.resolve("unscored.json"), null);

        List<StepOutcome> scores = report.steps().stream().filter(s -> s.kind().equals("score")).toList();
        assertEquals(2, scores.size());
        assertEquals("words cannot score text: #0 stays unscored", scores.get(0).note());
        assertEquals(Outcome.SKIPPED, scores.get(1).outcome());
    }
}
