package dev.weft.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.CandidateDistribution;
import dev.weft.analysis.CandidateScoring;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.Node;
import dev.weft.loom.Origin;
import dev.weft.model.Prompt;
import dev.weft.model.embedded.EmbeddedModel;
import dev.weft.model.embedded.ModelCache;
import dev.weft.model.embedded.TrainingCorpus;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The checked-in sessions of sessions/ (built by {@link ExampleSessions}): each replays to the tree its file holds. */
class ExampleSessionsTest {
    private static final Path DIR = Path.of("sessions");

    /** By name: the loom puts new sessions in sessions/ too, and a user's own are not fixtures. */
    static Stream<Path> examples() {
        return Stream.of("branching", "attractor", "distribution").map(name -> DIR.resolve(name + ".json"));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void replayRebuildsTheSavedTree(Path file) throws Exception {
        Recording recording = Recording.open(file);
        Replay replay = Replay.of(recording);
        assertTrue(replay.steps() > 10, file + " records " + replay.steps() + " steps");
        assertTrue(replay.rebuildsTheSession(), file.toString());
        assertTrue(SameTree.of(recording.end().loom(), replay.after(replay.steps()).loom()));
    }

    @Test
    void theExamplesShowWhatTheyAreNamedFor() throws Exception {
        List<String> branching = kinds(DIR.resolve("branching.json"));
        assertTrue(branching.containsAll(List.of("swap", "split", "bookmark")), branching.toString());

        Loom attractor = Recording.open(DIR.resolve("attractor.json")).end().loom();
        List<Node> edits = attractor.nodes().stream().filter(n -> n.origin() == Origin.EDIT).toList();
        assertEquals(3, edits.size());
        for (Node edit : edits) {
            Node regenerated = attractor.node(edit.children().get(0));
            assertEquals(0.0, regenerated.generation().params().temperature(), "temperature of " + regenerated.id());
        }

    }

    /** The distribution example holds what {@code weft dist} computes for the same prompt, candidates and model. */
    @Test
    void theDistributionIsWhatWeftDistComputes() throws Exception {
        Loom loom = Recording.open(DIR.resolve("distribution.json")).end().loom();
        Node prompt = loom.node(loom.roots().get(0));
        List<String> candidates = IntStream.rangeClosed(0, ExampleSessions.MAX_CANDIDATE).mapToObj(Integer::toString)
                .toList();
        CandidateDistribution dist;
        ModelCache cache = ModelCache.at(Path.of(System.getProperty("weft.cache")));
        try (EmbeddedModel collapsed = EmbeddedModel.open(TrainingCorpus.file(ExampleSessions.COLLAPSED),
                EmbeddedModel.DEFAULT_ORDER, cache)) {
            dist = CandidateScoring.score(collapsed, Prompt.of(prompt.text()), candidates,
                    ExampleSessions.CANDIDATE_PREFIX);
        }
        assertEquals(candidates.size(), prompt.children().size());
        for (int i = 0; i < candidates.size(); i++) {
            Node branch = loom.node(prompt.children().get(i));
            assertEquals(ExampleSessions.CANDIDATE_PREFIX + candidates.get(i), branch.text());
            double recorded = Math.exp(NodeFigures.of(branch.tokens()).sumLogprob());
            assertEquals(dist.candidates().get(i).probability(), recorded, 1e-6 + 1e-5 * recorded, branch.text());
        }
        assertEquals("97", dist.top().candidate(), "the collapsed model's favourite number");
    }

    private static List<String> kinds(Path file) throws Exception {
        Replay replay = Replay.of(Recording.open(file));
        return java.util.stream.IntStream.rangeClosed(1, replay.steps())
                .mapToObj(step -> StepSummary.of(replay.entry(step), replay.after(step - 1), replay.after(step)).kind())
                .toList();
    }
}
