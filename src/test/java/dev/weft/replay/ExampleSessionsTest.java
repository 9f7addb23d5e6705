package dev.weft.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The checked-in sessions of sessions/ (built by {@link ExampleSessions}): each replays to the tree its file holds. */
class ExampleSessionsTest {
    private static final Path DIR = Path.of("sessions");

    static Stream<Path> examples() throws Exception {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
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

        Loom distribution = Recording.open(DIR.resolve("distribution.json")).end().loom();
        Node prompt = distribution.node(distribution.roots().get(0));
        assertEquals(20, prompt.children().size());
        for (var child : prompt.children()) {
            assertTrue(distribution.node(child).tokens().token(0).isScored(), "candidate " + child + " is scored");
        }
    }

    private static List<String> kinds(Path file) throws Exception {
        Replay replay = Replay.of(Recording.open(file));
        return java.util.stream.IntStream.rangeClosed(1, replay.steps())
                .mapToObj(step -> StepSummary.of(replay.entry(step), replay.after(step - 1), replay.after(step)).kind())
                .toList();
    }
}
